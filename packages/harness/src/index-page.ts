import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { escHtml as esc, inlineSvg, manifestFault, observedText, paperVsOurs, provenanceRows, slackText, toleranceText, valueRows, verdictCounts, verdictLists } from './report.js';
import type { Values, Verdict } from './types.js';

interface ClaimJson extends Verdict {
  id: string;
  source: string;
  statement: string;
  evidence: string;
  role?: 'verdict' | 'observational';
}

interface ManifestJson {
  paper?: string;
  title?: string;
  profile?: string;
  citation?: { authors?: string[]; venue?: string; year?: number; arxiv?: string | null };
  deviations?: string[];
  figures?: { id: string; title: string; caption: string; claims: string[] }[];
  [k: string]: unknown;
}

const readJson = <T>(p: string): T | undefined => (existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as T) : undefined);

/** One paper's section: verdict, claims, paper-vs-ours values, figures (inline SVG), deviations, provenance. */
type Counts = { pass: number; fail: number; inconclusive: number; skip: number };
function section(rootDir: string, paper: string, dir: string): Counts & { html: string; ok: boolean } {
  const claims = readJson<ClaimJson[]>(join(dir, 'claims.json'));
  const manifest = readJson<ManifestJson>(join(dir, 'manifest.json'));
  if (claims === undefined || manifest === undefined)
    return { html: `<section id="${esc(paper)}"><h2>${esc(paper)}</h2><p class="fail">No results: the run did not complete.</p></section>`, pass: 0, fail: 0, inconclusive: 0, skip: 0, ok: false };
  const values = readJson<Values>(join(dir, 'values.json')) ?? {};
  const { pass, fail, inconclusive, skip, observational } = verdictCounts(claims);
  const planted = manifestFault(manifest);
  const pvo = paperVsOurs(values);
  const lists = verdictLists(claims);
  const cit = manifest.citation;
  const figDir = join(dir, 'figures');
  const figures = existsSync(figDir)
    ? readdirSync(figDir)
        .filter((f) => f.endsWith('.svg'))
        .sort()
        .map((f) => ({ id: f.slice(0, -4), svg: readFileSync(join(figDir, f), 'utf8') }))
    : [];
  const row = (cells: string[], tag = 'td') => `<tr>${cells.map((x) => `<${tag}>${x}</${tag}>`).join('')}</tr>`;
  const report = relative(join(rootDir, 'results'), join(dir, 'report.html'));
  const html = `<section id="${esc(paper)}">
<h2>${esc(paper)}: ${esc(manifest.title ?? '')}</h2>
${cit ? `<p class="cite">${esc((cit.authors ?? []).join(', '))}. ${esc(cit.venue ?? '')}, ${esc(String(cit.year ?? ''))}.${cit.arxiv ? ` arXiv:${esc(cit.arxiv)}.` : ''}</p>` : ''}
${planted !== undefined ? `<p class="planted" role="alert">PLANTED FAULT <code>${esc(planted.name)}</code>: ${esc(planted.description)} — not a reproduction.</p>\n` : ''}<p class="verdict ${fail > 0 ? 'bad' : inconclusive > 0 ? 'unsure' : 'good'}"><strong>${pass} pass</strong> · <strong>${fail} fail</strong> · <strong>${inconclusive} inconclusive</strong> · ${skip} skip${observational > 0 ? ` (${observational} observational)` : ''} — profile <code>${esc(manifest.profile ?? '')}</code> — <a href="${esc(report)}">full report</a>${lists.map((l) => `<br>${esc(l)}`).join('')}</p>
<h3>Figures</h3>
${figures.length === 0 ? '<p>No figure in this run.</p>' : figures.map((f) => { const meta = (manifest.figures ?? []).find((x) => x.id === f.id); return `<figure class="fig" id="${esc(paper)}--${esc(f.id)}">${inlineSvg(f.svg)}<figcaption><strong>${esc(meta?.title ?? f.id)}</strong>${(meta?.claims ?? []).length > 0 ? ` — supports ${(meta?.claims ?? []).map((c) => `<code>${esc(c)}</code>`).join(', ')}` : ''}</figcaption></figure>`; }).join('\n')}
<h3>Paper vs ours</h3>
${pvo.length === 0 ? '<p>The paper publishes no number this run measures; its claims are inequalities and rates (below).</p>' : `<table class="pvo">${row(['value', 'paper', 'ours (± sd)', 'relative difference', 'unit', 'note'], 'th')}${pvo.map((r) => row([esc(r.name), esc(r.paper), esc(r.ours), esc(r.relDiff), esc(r.unit), esc(r.note)])).join('')}</table>`}
<h3>Claims</h3>
<table class="claims">${row(['claim', 'statement', 'status', 'observed', 'expected', 'tolerance', 'slack'], 'th')}
${claims
  .map((c) =>
    row([
      `<code>${esc(c.id)}</code><br><small>${esc(c.source)} · evidence: ${esc(c.evidence)}</small>`,
      esc(c.statement),
      `<span class="${esc(c.status)}">${esc(c.status)}${c.role === 'observational' ? ' (observational)' : ''}</span>`,
      `${esc(observedText(c.observed as Record<string, number | string>, 8))}${c.note ? `<br><em>${esc(c.note)}</em>` : ''}`,
      esc(c.expected),
      c.status === 'skip' ? '' : esc(toleranceText(c)),
      esc(slackText(c)),
    ]),
  )
  .join('\n')}</table>
<h3>All values (ours vs the paper or the bound)</h3>
<table class="values">${row(['name', 'ours (± sd)', 'unit', 'paper / bound', 'slack', 'note'], 'th')}
${valueRows(values)
  .map((r) => row(r.map(esc)))
  .join('\n')}</table>
<h3>Deviations from the paper</h3>
${(manifest.deviations ?? []).length === 0 ? '<p>None recorded in this run\'s manifest (see the paper\'s README).</p>' : `<ul>${(manifest.deviations ?? []).map((d) => `<li>${esc(d)}</li>`).join('')}</ul>`}
<h3>Provenance</h3>
<table class="prov">${provenanceRows(manifest)
    .map(([k, v]) => row([esc(k), esc(v)]))
    .join('\n')}</table>
</section>`;
  return { html, pass, fail, inconclusive, skip, ok: true };
}

/**
 * results/index.html: every paper run on one self-contained page (inline CSS and SVG, no scripts, no external resources):
 * a summary table, then per paper its claims with pass/fail/skip and numbers, paper-vs-ours values, figures, deviations and
 * provenance. Returns the file's path.
 * @example
 * ```ts
 * import { mkdtempSync, readFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { writeIndex } from '@repro/harness';
 *
 * const root = mkdtempSync(join(tmpdir(), 'index-'));
 * const file = writeIndex(root, []); // normally one { paper, dir } per results/<profile> run directory
 * file === join(root, 'results', 'index.html'); // → true
 * readFileSync(file, 'utf8').includes('across 0 paper(s)'); // → true
 * ```
 */
export function writeIndex(rootDir: string, runDirs: readonly { paper: string; dir: string }[]): string {
  const sections = runDirs.map(({ paper, dir }) => ({ paper, ...section(rootDir, paper, dir) }));
  const total = sections.reduce<[number, number, number, number]>((a, s) => [a[0] + s.pass, a[1] + s.fail, a[2] + s.inconclusive, a[3] + s.skip], [0, 0, 0, 0]);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>repro — all papers</title>
<style>
body{font-family:Helvetica,Arial,sans-serif;max-width:1250px;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}
table{border-collapse:collapse;width:100%;margin:.8em 0;font-size:13px;display:block;overflow-x:auto}
figure svg{max-width:100%;height:auto}@media (max-width:700px){body{margin:1em auto}figure{margin:.5em 0;max-width:100%}}th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f4f4f4}.pass{color:#137333;font-weight:bold}.fail{color:#b3261e;font-weight:bold}.skip{color:#777}
.inconclusive{color:#a05a00;font-weight:bold}.planted{background:#b3261e;color:#fff;padding:.6em 1em;font-weight:bold}
.verdict{padding:.4em .8em;background:#f7f7f7}.verdict.good{border-left:4px solid #137333}.verdict.bad{border-left:4px solid #b3261e}.verdict.unsure{border-left:4px solid #a05a00}
section{border-top:2px solid #ccc;margin-top:2.5em}figure{display:inline-block;margin:.8em;vertical-align:top;max-width:600px}
figcaption{font-size:12px;color:#444}code{font-family:Menlo,Consolas,monospace;font-size:12px}.cite{color:#444}
</style></head><body>
<h1>Reproductions</h1>
<p>${total[0]} pass · ${total[1]} fail · ${total[2]} inconclusive · ${total[3]} skip across ${sections.length} paper(s). Every number below is read from the run directories; each section ends with the run's provenance.</p>
<table class="summary"><tr><th>paper</th><th>pass</th><th>fail</th><th>inconclusive</th><th>skip</th></tr>
${sections.map((s) => `<tr><td><a href="#${esc(s.paper)}">${esc(s.paper)}</a></td><td class="pass">${s.pass}</td><td class="fail">${s.fail}</td><td class="inconclusive">${s.inconclusive}</td><td>${s.skip}</td></tr>`).join('\n')}</table>
${sections.map((s) => s.html).join('\n')}
</body></html>
`;
  mkdirSync(join(rootDir, 'results'), { recursive: true });
  const out = join(rootDir, 'results', 'index.html');
  writeFileSync(out, html);
  return out;
}
