// worker_threads entry: hosts one GD shard on its own tfjs instance (same backend as the main thread).
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { createFusedShard, createShard } from './gd-shard.mjs';
import { installWasmMatMul } from './wasm-matmul.mjs';

let shard = null;

async function setBackend(name, detail) {
  if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  else if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
  else if (name === 'tensorflow') await import(/* @vite-ignore */ String(detail));
  if (!(await tf.setBackend(name))) throw new Error(`worker could not set backend ${name}`);
  await tf.ready();
}

parentPort.on('message', async (msg) => {
  try {
    if (msg.cmd === 'init' && msg.fused) {
      // The tfjs-free shard (wasm backend with @repro/linalg's sgemm): sgemm alone, one thread per shard.
      shard = createFusedShard((await import(msg.sgemmUrl)).sgemm, msg.args, { threads: 1 });
      parentPort.postMessage({ ok: true });
    } else if (msg.cmd === 'init') {
      await setBackend(msg.backend, msg.detail);
      // Same matMul kernel as the main thread (so results do not depend on where a shard runs), one thread per shard.
      if (msg.sgemmUrl) installWasmMatMul(tf, (await import(msg.sgemmUrl)).sgemm, { threads: 1 });
      shard = createShard(tf, msg.args);
      parentPort.postMessage({ ok: true });
    } else if (msg.cmd === 'forward') {
      const out = shard.forward(msg.wantZ);
      parentPort.postMessage(out, [out.u.buffer, ...(out.z ? [out.z.buffer] : []), ...(out.a ? [out.a.buffer] : [])]);
    } else if (msg.cmd === 'step') {
      shard.update(msg.r);
      const out = shard.forward(msg.wantZ);
      parentPort.postMessage(out, [out.u.buffer, ...(out.z ? [out.z.buffer] : []), ...(out.a ? [out.a.buffer] : [])]);
    } else if (msg.cmd === 'final') {
      const f = shard.final();
      parentPort.postMessage(f, [f.Wt.buffer, f.a.buffer]);
    } else if (msg.cmd === 'close') {
      shard?.dispose();
      shard = null;
      parentPort.postMessage({ ok: true });
      parentPort.close();
    }
  } catch (e) {
    parentPort.postMessage({ error: String(e?.stack ?? e) });
  }
});
