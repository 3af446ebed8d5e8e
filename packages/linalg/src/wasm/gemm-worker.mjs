// worker_threads entry of the GEMM pool (see gemm.mjs). Plain JavaScript so it runs from src and dist alike.
// The worker instantiates the same WebAssembly module on the pool's shared memory, then sleeps on its control slot:
// each job is a generation number, a function code (0 sgemm, 1 dgemm) and its arguments; it answers by storing the generation in DONE.
import { workerData } from 'node:worker_threads';
import { ARGS, DONE, ERR, FN, NARGS, SEQ, SLOT_WORDS } from './gemm-ctrl.mjs';

const { module, memory, ctrl: ctrlBuffer, slot } = workerData;
const ctrl = new Int32Array(ctrlBuffer);
const base = slot * SLOT_WORDS;

const { exports } = new WebAssembly.Instance(module, { env: { memory } });
const kernels = [exports.sgemm, exports.dgemm];
Atomics.store(ctrl, base + DONE, 0);
Atomics.notify(ctrl, base + DONE);

let seen = 0;
for (;;) {
  Atomics.wait(ctrl, base + SEQ, seen);
  seen = Atomics.load(ctrl, base + SEQ);
  if (seen < 0) break; // shutdown
  const a = [];
  for (let i = 0; i < NARGS; i++) a.push(ctrl[base + ARGS + i]);
  try {
    kernels[ctrl[base + FN]](...a);
    Atomics.store(ctrl, base + ERR, 0);
  } catch {
    Atomics.store(ctrl, base + ERR, 1);
  }
  Atomics.store(ctrl, base + DONE, seen);
  Atomics.notify(ctrl, base + DONE);
}
