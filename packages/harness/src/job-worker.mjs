// Worker thread of the job pool (job-pool.ts): imports the module, then calls its export on each job it is sent and posts
// the result back (structured clone). Plain JS (copied to dist/ by the build).
import { parentPort, workerData } from 'node:worker_threads';

// The planted fault of the run that started this pool (faults.ts keeps it on globalThis under this symbol).
globalThis[Symbol.for('@repro/harness.activeFault')] = workerData.fault ?? null;

// Under tests the module is TypeScript source: register tsx's loader in this thread first (a dev dependency).
if (workerData.moduleUrl.endsWith('.ts')) (await import('tsx/esm/api')).register();
const fn = (await import(workerData.moduleUrl))[workerData.exportName];
if (typeof fn !== 'function') throw new Error(`${workerData.moduleUrl} has no function export '${workerData.exportName}'`);

parentPort.on('message', async (msg) => {
  if (msg.type === 'exit') {
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ type: 'done', index: msg.index, result: await fn(msg.job) });
  } catch (e) {
    parentPort.postMessage({ type: 'error', index: msg.index, message: e?.message ?? String(e), stack: e?.stack ?? '' });
  }
});
parentPort.postMessage({ type: 'ready' });
