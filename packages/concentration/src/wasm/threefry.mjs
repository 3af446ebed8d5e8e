// Threefry-2x32-20 blocks in WebAssembly SIMD (kernels/threefry-wat.mjs): four blocks per step on i32x4 lanes, ≈ 8× the
// scalar JavaScript loop here, bit-identical to it (integer arithmetic; tested). Plain JavaScript (types in threefry.d.mts).
// REPRO_PRNG=js keeps the scalar loop.
import { THREEFRY_SIMD } from './threefry.generated.mjs';

/** Blocks per wasm call: 2^18 blocks = 2 MiB of words, so the module's memory stays small. */
const CHUNK_QUADS = 1 << 16;
let kernel;

function load() {
  if (kernel !== undefined) return kernel;
  kernel = null;
  if (process.env.REPRO_PRNG === 'js') return kernel;
  try {
    const bytes = new Uint8Array(Buffer.from(THREEFRY_SIMD, 'base64'));
    if (!WebAssembly.validate(bytes)) return kernel;
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    const memory = exports.memory;
    memory.grow(Math.ceil((CHUNK_QUADS * 32) / 65536));
    kernel = { bits: exports.bits, memory };
  } catch {
    kernel = null;
  }
  return kernel;
}

/**
 * Writes the 2·nBlocks words of blocks b0 .. b0 + nBlocks − 1 (counter (b, c1), key (k0, k1)) into out[o ..]; returns
 * false (writing nothing) when WebAssembly SIMD is unavailable.
 */
export function threefryBlocksWasm(k0, k1, b0, nBlocks, c1, out, o) {
  const k = load();
  if (!k) return false;
  let done = 0;
  while (done < nBlocks) {
    const blocks = Math.min(nBlocks - done, CHUNK_QUADS * 4);
    k.bits(k0, k1, (b0 + done) >>> 0, Math.ceil(blocks / 4), c1);
    out.set(new Uint32Array(k.memory.buffer, 0, 2 * blocks), o + 2 * done);
    done += blocks;
  }
  return true;
}
