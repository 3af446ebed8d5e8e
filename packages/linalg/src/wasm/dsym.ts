import { DSYM_WASM_BASE64 } from './dsym.generated.js';

/**
 * Loader of the float64 SIMD kernels (kernels/dsym.ts → dsym.generated.ts). Each call site takes a fresh `DsymWorkspace`
 * (its own WebAssembly memory sized to the problem, released with it by the garbage collector): no shared state, no
 * growth, and views into it stay valid. Where WebAssembly SIMD is unavailable, or the problem is too large for the
 * cap below, `dsymWorkspace` returns null and callers run their TypeScript loops instead (same algorithm, same accuracy).
 */

/**
 * The slice of the WebAssembly JS API used here (this package compiles with lib ES2023 and Node types, which do not
 * declare the WebAssembly namespace); the runtime object is the global one.
 */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
  Instance: new (module: object, imports: { env: { memory: WasmMemory } }) => { exports: unknown };
}
declare const WebAssembly: WasmApi;

/** The kernels, all addresses in bytes (see kernels/dsym.ts for their contracts). */
export interface DsymKernels {
  dsymv(a: number, lda: number, m: number, q: number, z: number): void;
  dsyr2mv(a: number, lda: number, m: number, v: number, w: number, u: number, y: number): void;
  dgemvt(q: number, ldq: number, k: number, n: number, z: number, c: number): void;
  dgemvn(q: number, ldq: number, k: number, n: number, c: number, z: number): void;
}

/** A Float64Array living in a workspace, with its byte address for the kernels. */
export interface WasmF64 {
  view: Float64Array;
  ptr: number;
}

export interface DsymWorkspace {
  kernels: DsymKernels;
  /** A zeroed, 16-byte-aligned array of `length` float64 from the workspace (bump allocation; never freed individually). */
  alloc(length: number): WasmF64;
}

/** Largest workspace taken (bytes): beyond it the TypeScript loops run instead of pinning gigabytes of wasm memory. */
export const DSYM_MAX_BYTES = 2 ** 30;

/**
 * 'auto': kernels for problems at or above each caller's size threshold; 'off': TypeScript loops only; 'always': kernels
 * at every size (tests use it to cover the kernels' remainder paths on tiny matrices).
 */
export type DsymWasmMode = 'auto' | 'off' | 'always';
let mode: DsymWasmMode = 'auto';

/** Set the mode (tests and benchmarks compare both paths); returns the previous one. */
export function setDsymWasmMode(next: DsymWasmMode): DsymWasmMode {
  const prev = mode;
  mode = next;
  return prev;
}

let compiled: object | null | undefined;

function compiledModule(): object | null {
  if (compiled === undefined) {
    try {
      const bin = atob(DSYM_WASM_BASE64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      compiled = new WebAssembly.Module(bytes);
    } catch {
      compiled = null; // no WebAssembly or no SIMD: callers fall back
    }
  }
  return compiled;
}

/** Whether the kernels can run here at all (WebAssembly with SIMD). */
export function dsymWasmAvailable(): boolean {
  return compiledModule() !== null;
}

/**
 * A workspace of at least `bytes` bytes when the kernels should be used for a problem of size `n` (with `minN` the
 * caller's threshold below which the TypeScript loops are faster), else null.
 */
export function dsymWorkspace(bytes: number, n: number, minN: number): DsymWorkspace | null {
  if (mode === 'off' || (mode === 'auto' && n < minN) || bytes > DSYM_MAX_BYTES) return null;
  const mod = compiledModule();
  if (mod === null) return null;
  let memory: WasmMemory;
  try {
    const pages = Math.max(1, Math.ceil(bytes / 65536));
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  } catch {
    return null; // allocation refused: fall back rather than fail
  }
  const exports = new WebAssembly.Instance(mod, { env: { memory } }).exports as unknown as DsymKernels;
  const buffer = memory.buffer;
  let top = 0;
  return {
    kernels: exports,
    alloc(length: number): WasmF64 {
      const ptr = top;
      top += Math.ceil((8 * length) / 16) * 16;
      if (top > buffer.byteLength) throw new RangeError(`dsym workspace: ${top} bytes needed, ${buffer.byteLength} reserved`);
      return { view: new Float64Array(buffer, ptr, length), ptr };
    },
  };
}

/** Bytes a workspace needs for arrays of these lengths (each rounded up to 16 bytes, as `alloc` does). */
export function dsymBytes(...lengths: number[]): number {
  let b = 0;
  for (const l of lengths) b += Math.ceil((8 * l) / 16) * 16;
  return b;
}
