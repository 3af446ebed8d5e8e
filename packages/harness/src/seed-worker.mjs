// Worker thread of the seed pool (runner.ts, `--workers N`): imports the paper module, then runs `paper.run(cfg, key, ctx)`
// for each seed index it is sent and posts the trace back. Progress, log lines and the backend report are forwarded to the
// main thread; phase times are summed here and returned with the trace. Plain JS (copied to dist/ by the build).
import { parentPort, workerData } from 'node:worker_threads';

// The planted fault of the run that started this pool (faults.ts keeps it on globalThis under this symbol).
globalThis[Symbol.for('@repro/harness.activeFault')] = workerData.fault ?? null;

// Under tests the paper module is TypeScript source: register tsx's loader in this thread first (a dev dependency).
if (workerData.paperModule.endsWith('.ts')) (await import('tsx/esm/api')).register();
const mod = await import(workerData.paperModule);
const paper = mod.paper;
if (paper === undefined || typeof paper.run !== 'function') throw new Error(`${workerData.paperModule} exports no paper with run()`);
const experiments = new Set(workerData.experiments);

parentPort.on('message', async (msg) => {
  if (msg.type === 'exit') {
    parentPort.close();
    return;
  }
  const phases = {};
  const ctx = {
    progress: {
      phase: (name, total) => parentPort.postMessage({ type: 'phase', name, total }),
      tick: (units, detail) => parentPort.postMessage({ type: 'tick', units, detail }),
      log: (message) => parentPort.postMessage({ type: 'log', message }),
    },
    experiments,
    seedIndex: msg.ctxSeedIndex ?? msg.seedIndex,
    fault: workerData.fault ?? null,
    backend: workerData.backend,
    reportBackend: (info) => parentPort.postMessage({ type: 'backend', info }),
    time: async (phase, fn) => {
      const a = performance.now();
      try {
        return await fn();
      } finally {
        phases[phase] = (phases[phase] ?? 0) + (performance.now() - a) / 1000;
      }
    },
  };
  try {
    const trace = await paper.run(workerData.cfg, msg.key, ctx);
    parentPort.postMessage({ type: 'done', seedIndex: msg.seedIndex, trace, phases });
  } catch (e) {
    parentPort.postMessage({ type: 'error', seedIndex: msg.seedIndex, message: e?.message ?? String(e), stack: e?.stack ?? '' });
  }
});
parentPort.postMessage({ type: 'ready' });
