/**
 * Backend selection, once per process [README.md §Backends and precision]: tfjs-node-gpu (if it loads and sees a GPU) >
 * tfjs-node > wasm > cpu. tfjs-node(-gpu) are optional plug-ins, never dependencies: they are imported by a computed name
 * so nothing requires them to be installed. Libraries never switch the backend behind the caller's back.
 */
import * as tf from '@tensorflow/tfjs-core';
import { sgemm, gemmInfo } from '@repro/linalg';
import { installWasmMatMul } from './wasm-matmul.mjs';

/**
 * A backend request: `auto` (tensorflow > wasm > cpu, the first that loads), or one backend forced (`--backend`).
 */
export type BackendRequest = 'auto' | 'wasm' | 'cpu' | 'tensorflow';
/** Every valid `BackendRequest`, in the order `--help` lists them. */
export const BACKEND_CHOICES: readonly BackendRequest[] = ['auto', 'wasm', 'cpu', 'tensorflow'];

/**
 * The backend that `selectBackend` settled on: tfjs backend name, the request, tfjs-core version and a detail line (SIMD, threads, matMul kernel) recorded in every manifest.
 */
export interface BackendInfo {
  name: string;
  requested: string;
  tfjsVersion?: string;
  detail?: string;
}

/** A forced backend that cannot load here (one-line message, for exit code 2 in the CLI). */
export class BackendUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackendUnavailableError';
  }
}

let selected: { requested: BackendRequest; info: BackendInfo } | undefined;

async function tryTensorflow(): Promise<string | undefined> {
  for (const mod of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      const name = mod; // computed specifier: neither TypeScript nor bundlers try to resolve the optional plug-in
      await import(/* @vite-ignore */ name);
      if (tf.findBackend('tensorflow') !== null && (await tf.setBackend('tensorflow'))) return mod;
    } catch {
      // not installed or its native binary did not load: fall through to the next candidate
    }
  }
  return undefined;
}

async function tryWasm(): Promise<boolean> {
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    return await tf.setBackend('wasm');
  } catch {
    return false;
  }
}

async function tryCpu(): Promise<boolean> {
  await import('@tensorflow/tfjs-backend-cpu');
  return tf.setBackend('cpu');
}

/**
 * Select the tfjs backend for this process. Idempotent for the same request; a different later request throws.
 * @example
 * ```ts
 * import { selectBackend } from '@repro/nets';
 *
 * const info = await selectBackend('cpu'); // 'auto' in a run: the fastest backend that loads
 * info.name; // → 'cpu'
 * info.requested; // → 'cpu'
 * (await selectBackend('cpu')) === info; // → true (idempotent; another request would throw)
 * ```
 */
export async function selectBackend(requested: BackendRequest): Promise<BackendInfo> {
  if (!BACKEND_CHOICES.includes(requested)) throw new BackendUnavailableError(`unknown backend '${String(requested)}' (choose ${BACKEND_CHOICES.join(', ')})`);
  if (selected !== undefined) {
    if (selected.requested !== requested) throw new BackendUnavailableError(`backend already selected as '${selected.info.name}' (requested '${selected.requested}'), cannot switch to '${requested}'`);
    return selected.info;
  }
  let info: BackendInfo | undefined;
  if (requested === 'tensorflow' || requested === 'auto') {
    const mod = await tryTensorflow();
    if (mod !== undefined) info = { name: 'tensorflow', requested, tfjsVersion: tf.version_core, detail: mod };
    else if (requested === 'tensorflow')
      throw new BackendUnavailableError("backend 'tensorflow' is unavailable: install @tensorflow/tfjs-node-gpu or @tensorflow/tfjs-node (needs its native binary)");
  }
  if (info === undefined && (requested === 'wasm' || requested === 'auto') && (await tryWasm())) {
    await tf.ready();
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    info = { name: 'wasm', requested, tfjsVersion: tf.version_core, detail: `wasm${simd ? ' simd' : ''}, ${threads ? 'multi-threaded' : '1 thread'}${wasmMatMul()}` };
  }
  if (info === undefined && requested === 'wasm') throw new BackendUnavailableError("backend 'wasm' failed to initialise");
  if (info === undefined && (await tryCpu())) info = { name: 'cpu', requested, tfjsVersion: tf.version_core, detail: 'plain JavaScript' };
  if (info === undefined) throw new BackendUnavailableError('no tfjs backend could be initialised');
  await tf.ready();
  selected = { requested, info };
  return info;
}

/**
 * On the wasm backend, matMul runs on @repro/linalg's sgemm (FMA, all cores; onnxruntime-node's MLAS kernel past the
 * crossover when REPRO_GEMM=auto and it loads) instead of tfjs's one-thread XNNPACK kernel, unless REPRO_MATMUL=xnnpack.
 * The detail names the GEMM kernels in force (gemmInfo().label). Returns the note recorded in the backend detail (and so in every manifest).
 */
function wasmMatMul(): string {
  if (process.env.REPRO_MATMUL === 'xnnpack') return '; matMul: tfjs XNNPACK (REPRO_MATMUL=xnnpack)';
  const info = gemmInfo();
  if (info === null || !installWasmMatMul(tf, sgemm)) return '; matMul: tfjs XNNPACK';
  return `; matMul: @repro/linalg sgemm (${info.kind}, ${info.threads} thread${info.threads === 1 ? '' : 's'}) [${info.label}]`;
}

/**
 * The tfjs-core module, once a backend has been selected.
 * @example
 * ```ts
 * import { getTf, selectBackend } from '@repro/nets';
 *
 * await selectBackend('cpu');
 * const tf = getTf();
 * tf.sum(tf.tensor1d([1, 2, 3])).dataSync()[0]; // → 6
 * ```
 */
export function getTf(): typeof tf {
  if (selected === undefined) throw new Error('no tfjs backend selected: call selectBackend() first');
  return tf;
}

/**
 * The backend selected in this process, if any.
 * @example
 * ```ts
 * import { selectBackend, selectedBackend } from '@repro/nets';
 *
 * await selectBackend('cpu');
 * selectedBackend()?.name; // → 'cpu' (undefined before any selectBackend)
 * ```
 */
export function selectedBackend(): BackendInfo | undefined {
  return selected?.info;
}

/** Whether tfjs's matMul on this backend is @repro/linalg's sgemm (the wasm backend after `installWasmMatMul`). Internal. */
export function matMulIsReproSgemm(b: BackendInfo | undefined = selectedBackend()): boolean {
  return b?.name === 'wasm' && (b.detail ?? '').includes('sgemm');
}
