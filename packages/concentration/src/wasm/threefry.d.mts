/** Threefry-2x32-20 blocks b0 .. b0+nBlocks−1 (second counter word c1) into out[o ..], WebAssembly SIMD; false if unavailable. */
export function threefryBlocksWasm(k0: number, k1: number, b0: number, nBlocks: number, c1: number, out: Uint32Array, o: number): boolean;
