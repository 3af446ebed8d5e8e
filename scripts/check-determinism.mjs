#!/usr/bin/env node
// Determinism and backend agreement, end to end, for every paper (run after `node scripts/check-smoke.mjs`, whose
// `pnpm repro all --profile smoke` computation at seed 0 is the first run every check here compares with):
//  1. the same seed on the same backend again → byte-identical claims.json and values.json. The second computation is made
//     here only where CI has not already made one: a merged Slurm run of the paper (`results/slurm/<runId>/<paper>/merged`,
//     from scripts/slurm/check-slurm.mjs, which .ci/run runs before this step: du2019's smoke profile in 2 shards through
//     Slurm) is an independent seed-0 computation of the same inputs — same commit (clean tree on both sides), lockfile,
//     profile, seed, backend and GEMM kernels (the label, thread count aside), no --only/--set/--fault — so it is compared with the first run instead of
//     computing the paper a third time. `--no-reuse` recomputes every paper.
//  2. the float32 tfjs work on the `cpu` backend instead of the run's own backend (wasm by default) → every claim has the
//     same status and the observed numbers of allclose claims agree within that claim's rtol/atol (`repro diff` rules).
// Papers whose runs use no tfjs backend ("float64-js") get check 1 only. Check 2 runs with `--backends` only: tfjs's cpu
// backend is slow (du2019's smoke profile takes ≈ 490 s on it here, vs ≈ 30 s on wasm), too slow for every CI run. Prints `determinism: N passed, M failed`, writes
// test-results/determinism.json (counted by scripts/count-tests.mjs), exits 1 on any failure.
// The second runs of check 1 go two at a time (`--jobs N`): a run's thread counts come from the machine's cores, not its
// load, so its bytes do not depend on what runs beside it, and a serial paper (soudry2017: plain float64 JS) fills the core a
// pooled one leaves idle in its serial phases.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listPapers, root, runNodeAsync, writeCheckResult } from './lib.mjs';

const profile = 'smoke';
const compareBackends = process.argv.includes('--backends');
const reuse = !process.argv.includes('--no-reuse');
const ji = process.argv.indexOf('--jobs');
const jobs = ji >= 0 ? Number(process.argv[ji + 1]) : 2;
if (!Number.isInteger(jobs) || jobs < 1) {
  console.error('check-determinism: --jobs expects a positive integer');
  process.exit(2);
}
const { diffRuns } = await import(pathToFileURL(join(root, 'packages/harness/dist/index.js')).href);
const papers = listPapers();
const scratch = mkdtempSync(join(tmpdir(), 'determinism-'));
let passed = 0;
let failed = 0;
const result = (ok, what) => {
  if (ok) passed++;
  else failed++;
  console.log(`determinism: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
};
/** The same run asynchronously: resolves to { status, stderr, seconds }. */
const runBinAsync = (p, out) =>
  runNodeAsync([join(root, 'papers', p, 'dist/bin.js'), '--profile', profile, '--out', out], { cwd: join(root, 'papers', p), env: { ...process.env, REPRO_PROGRESS: '0' } });
const runBin = (p, out, extra = []) =>
  spawnSync(process.execPath, [join(root, 'papers', p, 'dist/bin.js'), '--profile', profile, '--out', out, ...extra], {
    cwd: join(root, 'papers', p),
    encoding: 'utf8',
    env: { ...process.env, REPRO_PROGRESS: '0' },
  });

/** What makes two smoke runs the same computation: a run's inputs as its manifest records them. */
function runInputs(m) {
  // The kernels in force, not only the mode: under 'REPRO_GEMM=auto: …' the label says whether onnxruntime-node loaded (and
  // its version); the thread count at its end may differ (a 1-CPU Slurm shard), the kernels' results do not depend on it.
  const gemmMode = typeof m.gemm === 'string' ? m.gemm.replace(/; \d+ threads?$/, '') : null;
  return JSON.stringify([m.paper, m.profile, m.seed, m.seeds, m.only, m.overrides, m.fault ?? null, m.git?.commit, m.lockfileSha256, m.backend?.name, gemmMode]);
}

/**
 * A second computation of the same run that an earlier CI step left behind (newest first): a merged Slurm run of the paper
 * (scripts/slurm/check-slurm.mjs). Only clean trees on both sides, a clean smoke run at seed 0 and identical inputs; else null.
 */
function earlierSecondRun(p, baseManifest) {
  const clean = (m) => m.git?.dirty === false && m.profile === profile && m.seeds === 1 && m.only?.length === 0 && m.overrides?.length === 0 && (m.fault ?? null) === null;
  if (!clean(baseManifest)) return null;
  const slurm = join(root, 'results', 'slurm');
  if (!existsSync(slurm)) return null;
  for (const id of readdirSync(slurm).sort().reverse()) {
    const dir = join(slurm, id, p, 'merged');
    if (!['manifest.json', 'claims.json', 'values.json'].every((f) => existsSync(join(dir, f)))) continue;
    let m;
    try {
      m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    } catch {
      continue;
    }
    if (clean(m) && runInputs(m) === runInputs(baseManifest)) return { dir, label: `Slurm run ${id}, ${m.shards?.count ?? '?'} shards merged` };
  }
  return null;
}

// Plan: which papers need a second computation here (no earlier one to reuse), then run those `jobs` at a time.
const plan = new Map();
for (const p of papers) {
  const base = join(root, 'papers', p, 'results', profile);
  if (!existsSync(join(base, 'claims.json'))) continue;
  const baseManifest = JSON.parse(readFileSync(join(base, 'manifest.json'), 'utf8'));
  const earlier = reuse ? earlierSecondRun(p, baseManifest) : null;
  plan.set(p, earlier ? { earlier, dir: earlier.dir } : { earlier: null, dir: join(scratch, p, 'again') });
}
const queue = [...plan].filter(([, x]) => x.earlier === null);
await Promise.all(
  Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      const [p, x] = item;
      x.run = await runBinAsync(p, x.dir);
    }
  }),
);

for (const p of papers) {
  const base = join(root, 'papers', p, 'results', profile);
  if (!existsSync(join(base, 'claims.json'))) {
    result(false, `${p}: no ${profile} results to compare against (run pnpm repro all --profile smoke first)`);
    continue;
  }
  const baseManifest = JSON.parse(readFileSync(join(base, 'manifest.json'), 'utf8'));
  const { earlier, dir: again, run: r } = plan.get(p);
  if (r !== undefined && r.status !== 0 && r.status !== 1) {
    result(false, `${p}: second run exited ${r.status}: ${r.stderr.trim().split('\n').pop()}`);
    continue;
  }
  const same = ['claims.json', 'values.json'].filter((f) => readFileSync(join(base, f), 'utf8') === readFileSync(join(again, f), 'utf8'));
  const how = earlier ? `second computation: ${earlier.label}, not recomputed` : `second run ${r.seconds.toFixed(1)} s, ${jobs > 1 ? `up to ${jobs} at a time` : 'alone'}`;
  result(same.length === 2, `${p}: same seed, same backend → identical claims.json and values.json (${same.length}/2 identical; ${how})`);
  const backend = baseManifest.backend?.name;
  if (!compareBackends || backend === undefined || backend === 'float64-js' || backend === 'cpu') continue;
  const t1 = Date.now();
  const cpu = join(scratch, p, 'cpu');
  const c = runBin(p, cpu, ['--backend', 'cpu']);
  if (c.status !== 0 && c.status !== 1) {
    result(false, `${p}: cpu-backend run exited ${c.status}: ${c.stderr.trim().split('\n').pop()}`);
    continue;
  }
  const d = diffRuns(base, cpu, {});
  const statusChanges = d.rows.filter((x) => x.item.split(' ').length === 2 && x.item.startsWith('claim ') && x.verdict !== 'same');
  const allcloseOut = d.rows.filter((x) => x.verdict === 'changed' && /claim tolerance/.test(x.detail));
  const ok = statusChanges.length === 0 && allcloseOut.length === 0;
  result(ok, `${p}: ${backend} vs cpu → same status for every claim, allclose observations within tolerance (${((Date.now() - t1) / 1000).toFixed(1)} s)${ok ? '' : `: ${[...statusChanges, ...allcloseOut].map((x) => `${x.item} ${x.a} → ${x.b}`).join('; ')}`}`);
}
rmSync(scratch, { recursive: true, force: true });
console.log(`determinism: ${passed} passed, ${failed} failed`);
writeCheckResult('determinism', passed, failed);
process.exit(failed > 0 ? 1 : 0);
