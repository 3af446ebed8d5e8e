/**
 * Table 1 [arXiv:1710.10345 Table 1] rendered from a results directory's values.json: stand-in B's columns (mean ± sd over
 * the replicates) beside the paper's CIFAR-10 numbers (recalled, unverified; NOTES.md §8) at each epoch either has.
 *
 *   node --conditions=source --import tsx scripts/table1.ts reference/paper            # print the markdown table
 *   node --conditions=source --import tsx scripts/table1.ts reference/paper --write    # and replace it in README.md
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLE1_COLUMNS, TABLE1_PAPER } from '../src/values.js';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: table1.ts <results dir> [--write]');
const values = JSON.parse(readFileSync(join(dir, 'values.json'), 'utf8')) as Record<string, { value: number | string; sd?: number | string }>;
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { profile?: string; seed?: number; wallSeconds?: number; git?: { commit?: string } };
const ours = new Set<number>();
for (const k of Object.keys(values)) {
  const m = /^table1\.standinB\.e(\d+)\.normLast$/.exec(k);
  if (m !== null) ours.add(Number(m[1]));
}
const epochs = [...new Set([...ours, ...Object.keys(TABLE1_PAPER).map(Number)])].sort((a, b) => a - b);
const pct = (col: string): boolean => col.endsWith('Error');
const fmt = (col: string, x: number): string => (pct(col) ? `${(100 * x).toFixed(x < 0.01 && x > 0 ? 2 : 1)}%` : x >= 1 ? x.toFixed(2) : x.toPrecision(2));
const cell = (e: number, col: string): string => {
  const v = values[`table1.standinB.e${e}.${col}`];
  if (v === undefined) return '—';
  const x = Number(v.value);
  return v.sd === undefined ? fmt(col, x) : `${fmt(col, x)} ± ${fmt(col, Number(v.sd))}`;
};
const paperCell = (e: number, j: number): string => {
  const row = TABLE1_PAPER[e];
  return row === undefined ? '—' : fmt(TABLE1_COLUMNS[j] as string, row[j] as number);
};
const heads = ['last-layer L2 norm', 'train loss', 'train error', 'validation loss', 'validation error'].map((h) => `${h}: B / paper`);
const reps = values['table1.standinB.e50.normLast']?.sd === undefined ? 1 : 'several';
const lines = [
  `| epoch | ${heads.join(' | ')} |`,
  `| --- | ${heads.map(() => '---').join(' | ')} |`,
  ...epochs.map((e) => `| ${e} | ${TABLE1_COLUMNS.map((c, j) => `${cell(e, c)} / ${paperCell(e, j)}`).join(' | ')} |`),
];
const caption = `**B** = stand-in B (ReLU MLP on MNIST): profile \`${String(manifest.profile)}\`, seed ${String(manifest.seed)}, commit ${String(manifest.git?.commit ?? '?').slice(0, 7)}; mean ± sd over the replicates (${reps === 1 ? 'one replicate' : 'NOTES.md §9'}); losses are mean cross-entropies, ‖W₃‖_F is the last layer's Frobenius norm. **paper** = the paper's Table 1 [arXiv:1710.10345 Table 1] as recalled in NOTES.md §8 — **not checked against the PDF**; a different network, data set and epoch scale, shown for the shape (norm ≈ ln t, train loss ≈ 1/t, validation loss rising while the validation error does not), never gated.`;
const table = `${caption}\n\n${lines.join('\n')}`;
console.log(table);
if (process.argv.includes('--write')) {
  const readme = fileURLToPath(new URL('../README.md', import.meta.url));
  const s = readFileSync(readme, 'utf8');
  const a = s.indexOf('<!-- table1:begin -->');
  const b = s.indexOf('<!-- table1:end -->');
  if (a < 0 || b < a) throw new Error('README.md has no <!-- table1:begin/end --> markers');
  writeFileSync(readme, `${s.slice(0, a)}<!-- table1:begin -->\n${table}\n${s.slice(b)}`);
}
