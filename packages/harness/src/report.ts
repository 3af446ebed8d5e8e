import type { Paper } from './define-paper.js';
import type { Values, Verdict } from './types.js';

/** One entry of claims.json: the claim's identity followed by its verdict, in this key order. */
export interface ClaimRecord extends Verdict {
  id: string;
  source: string;
  statement: string;
  evidence: string;
  precision: string;
  profiles: readonly string[];
  /** 'verdict' (decides) or 'observational' (reported only: no planted fault can make it fail; reason in `observational`). */
  role: 'verdict' | 'observational';
  /** The planted faults this claim must not pass under (`pnpm check:power`). */
  catches: readonly string[];
  observational?: string;
}

export interface FigureRecord {
  id: string;
  title: string;
  caption: string;
  svg: string;
  /** Ids of the claims the figure supports. */
  claims?: readonly string[];
}

/** One row of the "paper vs ours" table: a value whose `paper` entry is a published number (or the paper's wording). */
export interface PaperVsOurs {
  name: string;
  paper: string;
  ours: string;
  /** (ours − paper)/|paper| when both are numbers. */
  relDiff: string;
  unit: string;
  note: string;
}

/** Values that carry the paper's own figure, for the "paper vs ours" table (ours ± sd, relative difference). */
export function paperVsOurs(values: Values): PaperVsOurs[] {
  return Object.keys(values)
    .sort()
    .flatMap((name) => {
      const v = values[name];
      if (v === undefined || v.paper === undefined) return [];
      const rel = typeof v.paper === 'number' && v.paper !== 0 && Number.isFinite(v.value) ? fmt((v.value - v.paper) / Math.abs(v.paper)) : '';
      return [{ name, paper: typeof v.paper === 'number' ? fmt(v.paper) : v.paper, ours: `${fmt(v.value)}${v.sd !== undefined ? ` ± ${fmt(v.sd)}` : ''}`, relDiff: rel, unit: v.unit ?? '', note: v.note ?? '' }];
    });
}

/**
 * Numbers for people: 4 significant digits, exponent form outside [1e-3, 1e5).
 * @example
 * ```ts
 * import { fmtNumber } from '@repro/harness';
 *
 * fmtNumber(3.14159265); // → '3.142'
 * fmtNumber(123456); // → '1.235e+5'
 * fmtNumber(0.0001234); // → '1.234e-4'
 * fmtNumber(0); // → '0'
 * ```
 */
export const fmtNumber = (v: number): string => {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e5 || a < 1e-3 ? v.toExponential(3) : String(+v.toPrecision(4));
};
const fmt = fmtNumber;

/** Observed numbers other than slack (shown in their own column), at most `max` of them. */
export function observedText(obs: Record<string, number | string>, max = 6): string {
  const entries = Object.entries(obs).filter(([k]) => !isSlack(k));
  const shown = entries.slice(0, max).map(([k, v]) => `${k} = ${typeof v === "number" ? fmt(v) : v}`);
  if (entries.length > max) shown.push(`… (+${entries.length - max} in claims.json)`);
  return shown.join(', ');
}

const isSlack = (k: string): boolean => /^slack([A-Z0-9_].*)?$/.test(k);

/** Slack entries of a bound verdict (`slack`, `slackA`, ...): bound/observed, ≥ 1 means the bound holds with room. */
export function slackText(v: Verdict): string {
  const k0 = v.tolerance.kind;
  if (k0 !== 'bound' && k0 !== 'allOf') return '';
  return Object.entries(v.observed)
    .filter(([k]) => isSlack(k.slice(k.lastIndexOf('.') + 1)))
    .map(([k, x]) => (k === 'slack' ? fmt(x) : `${k.slice(5)}: ${fmt(x)}`))
    .join(', ');
}

export function toleranceText(v: Verdict): string {
  const t = v.tolerance;
  switch (t.kind) {
    case 'allclose':
      return `allclose(rtol ${t.rtol}, atol ${fmt(t.atol)})`;
    case 'bound':
      return `bound (${t.side === 'le' ? '≤' : '≥'})`;
    case 'rate':
      return `rate in [${t.range[0]}, ${t.range[1]}]`;
    case 'probability':
      return `probability ≥ ${t.claimed} (α = ${t.alpha}, detects violation rate ${t.detect})`;
    case 'condition':
      return 'condition';
    case 'allOf':
      return `all of: ${Object.entries(t.parts)
        .map(([k, p]) => `${k} ${toleranceText({ ...v, tolerance: p })}`)
        .join('; ')}`;
  }
}

const escMd = (s: string): string => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
export const escHtml = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function valueRows(values: Values): string[][] {
  return Object.keys(values)
    .sort()
    .map((name) => {
      const v = values[name];
      if (v === undefined) return [name, '', '', '', '', ''];
      return [
        name,
        `${fmt(v.value)}${v.sd !== undefined ? ` ± ${fmt(v.sd)}` : ''}`,
        v.unit ?? '',
        v.paper !== undefined ? (typeof v.paper === 'number' ? fmt(v.paper) : v.paper) : v.bound !== undefined ? `bound ${fmt(v.bound)}` : '',
        v.slack !== undefined ? fmt(v.slack) : '',
        v.note ?? '',
      ];
    });
}

function citation(paper: Paper): string {
  const m = paper.meta;
  return `${m.authors.join(', ')}. ${m.title}. ${m.venue}, ${m.year}.${m.arxiv ? ` arXiv:${m.arxiv}.` : ''}${m.url ? ` ${m.url}` : ''}`;
}

/**
 * Counts by status: pass, fail, inconclusive, skip, and how many of the claims are observational (not verdicts).
 * @example
 * ```ts
 * import { verdictCounts } from '@repro/harness';
 *
 * const claims = [{ status: 'pass' }, { status: 'fail' }, { status: 'pass', role: 'observational' }];
 * verdictCounts(claims); // → { pass: 2, fail: 1, inconclusive: 0, skip: 0, observational: 1 }
 * ```
 */
export const verdictCounts = (claims: readonly { status: string; role?: string }[]): { pass: number; fail: number; inconclusive: number; skip: number; observational: number } => ({
  pass: claims.filter((x) => x.status === 'pass').length,
  fail: claims.filter((x) => x.status === 'fail').length,
  inconclusive: claims.filter((x) => x.status === 'inconclusive').length,
  skip: claims.filter((x) => x.status === 'skip').length,
  observational: claims.filter((x) => x.role === 'observational').length,
});

/**
 * "12 pass / 1 fail / 2 inconclusive / 0 skip (3 observational)".
 * @example
 * ```ts
 * import { verdictText } from '@repro/harness';
 *
 * verdictText([{ status: 'pass' }, { status: 'skip' }]); // → '1 pass / 0 fail / 0 inconclusive / 1 skip'
 * ```
 */
export const verdictText = (claims: readonly { status: string; role?: string }[]): string => {
  const c = verdictCounts(claims);
  return `${c.pass} pass / ${c.fail} fail / ${c.inconclusive} inconclusive / ${c.skip} skip${c.observational > 0 ? ` (${c.observational} observational)` : ''}`;
};

/** The planted fault of a faulted run's manifest, or undefined for a clean run. */
export function manifestFault(m: Record<string, unknown>): { name: string; description: string } | undefined {
  const f = m.fault as { name?: unknown; description?: unknown } | null | undefined;
  return f !== null && f !== undefined && typeof f.name === 'string' ? { name: f.name, description: String(f.description ?? '') } : undefined;
}

/** The claims that did not pass, one line per status (for the top of a report). */
export function verdictLists(claims: readonly { id: string; status: string }[]): string[] {
  const ids = (st: string) => claims.filter((c) => c.status === st).map((c) => c.id);
  return [
    ...(ids('fail').length > 0 ? [`failed: ${ids('fail').join(', ')}`] : []),
    ...(ids('inconclusive').length > 0 ? [`inconclusive: ${ids('inconclusive').join(', ')}`] : []),
  ];
}

/** Status cell text: the status, marked when the claim is observational. */
const statusLabel = (x: ClaimRecord): string => (x.role === 'observational' ? `${x.status} (observational)` : x.status);
const catchesText = (x: ClaimRecord): string => (x.role === 'observational' ? `— (${x.observational ?? 'observational'})` : x.catches.join(', '));

type Manifest = Record<string, unknown>;
const str = (v: unknown): string => (v === undefined || v === null ? 'n/a' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Provenance as [label, text] pairs (commit, backend, seed, versions, machine, wall time); phases are listed separately. */
export function provenanceRows(m: Manifest): [string, string][] {
  const git = (m.git ?? {}) as { commit?: string; dirty?: boolean | null };
  const be = (m.backend ?? {}) as { name?: string; requested?: string; tfjsVersion?: string; detail?: string };
  const cpu = (m.cpu ?? {}) as { model?: string; count?: number };
  const pk = (m.packages ?? {}) as Record<string, string>;
  const overrides = (m.overrides ?? []) as string[];
  return [
    ['commit', `${str(git.commit)}${git.dirty === true ? ' (dirty working tree)' : git.dirty === null ? ' (status unknown)' : ''}`],
    ['profile', `${str(m.profile)}${overrides.length > 0 ? ` (from ${str(m.baseProfile)}; --set ${overrides.join(' ')})` : ''}`],
    ['seed', `${str(m.seed)} (${str(m.seeds)} trace(s); ${str(m.keyDerivation)})`],
    ['backend', `${str(be.name)} (requested ${str(be.requested)})${be.tfjsVersion ? `, tfjs ${be.tfjsVersion}` : ''}${be.detail ? `, ${be.detail}` : ''}`],
    ...(m.gemm ? ([['GEMM', str(m.gemm)]] as [string, string][]) : []),
    ['versions', `node ${str(m.node)}; ${Object.entries(pk).map(([k, v]) => `${k} ${v}`).join(', ')}`],
    ['pnpm-lock.yaml sha256', str(m.lockfileSha256)],
    ['machine', `${str(m.os)}; ${str(cpu.model)} × ${str(cpu.count)}; ${typeof m.totalMemoryBytes === 'number' ? `${(m.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB` : 'n/a'}`],
    ['wall time', `${typeof m.wallSeconds === 'number' ? m.wallSeconds.toFixed(1) : 'n/a'} s (${str(m.start)} → ${str(m.end)})`],
    ['peak RSS', typeof m.peakRssBytes === 'number' ? `${(m.peakRssBytes / 2 ** 20).toFixed(0)} MiB` : 'n/a'],
  ];
}

const phaseRows = (m: Manifest): [string, string][] =>
  Object.entries((m.phases ?? {}) as Record<string, number>).map(([k, s]) => [k, `${s.toFixed(2)} s`]);

/** report.md: title, citation, verdict, claims, values, figures (relative links), deviations, provenance. */
export function reportMarkdown(paper: Paper, claims: readonly ClaimRecord[], values: Values, figures: readonly FigureRecord[], manifest: Manifest): string {
  const m = paper.meta;
  const phases = phaseRows(manifest);
  const planted = manifestFault(manifest);
  const pvo = paperVsOurs(values);
  const lines = [
    `# ${m.id}: ${m.title}`,
    '',
    ...(planted !== undefined ? [`> **PLANTED FAULT \`${planted.name}\`: ${escMd(planted.description)}.** This run has a bug switched on deliberately (\`--fault\`); its numbers are not a reproduction.`, ''] : []),
    citation(paper),
    '',
    `**Verdict: ${verdictText(claims)}** — profile \`${str(manifest.profile)}\`, seed ${str(manifest.seed)}, backend ${str((manifest.backend as { name?: string } | undefined)?.name)}.`,
    ...verdictLists(claims).map((l) => `- ${l}`),
    '',
    '## Figures',
    '',
    ...(figures.length === 0 ? ['No figure was drawn in this run.', ''] : []),
    ...figures.flatMap((g) => [
      `### ${g.title}`,
      '',
      `![${g.id}](figures/${g.id}.svg)`,
      '',
      `${g.caption}${(g.claims ?? []).length > 0 ? ` Supports: ${(g.claims ?? []).map((c) => `\`${c}\``).join(', ')}.` : ''} (data: [figures/${g.id}.data.json](figures/${g.id}.data.json), spec: [figures/${g.id}.vl.json](figures/${g.id}.vl.json))`,
      '',
    ]),
    '## Paper vs ours',
    '',
    ...(pvo.length === 0
      ? ['The paper publishes no number that this run measures (its claims are inequalities and rates: see the claims).', '']
      : ['| value | paper | ours (± sd) | relative difference | unit | note |', '| --- | --- | --- | --- | --- | --- |', ...pvo.map((r) => `| ${escMd(r.name)} | ${escMd(r.paper)} | ${r.ours} | ${r.relDiff} | ${escMd(r.unit)} | ${escMd(r.note)} |`), '']),
    '## Claims',
    '',
    '| claim | statement | status | observed | expected | tolerance | slack | catches |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...claims.map(
      (x) =>
        `| \`${x.id}\`<br>${escMd(x.source)} | ${escMd(x.statement)} | **${statusLabel(x)}** | ${escMd(observedText(x.observed))}${x.note ? `<br>*${escMd(x.note)}*` : ''} | ${escMd(x.expected)} | ${escMd(toleranceText(x))} | ${slackText(x)} | ${escMd(catchesText(x))} |`,
    ),
    '',
    '## Values',
    '',
    '| name | value ± sd | unit | paper / bound | slack | note |',
    '| --- | --- | --- | --- | --- | --- |',
    ...valueRows(values).map((r) => `| ${r.map(escMd).join(' | ')} |`),
    '',
    '## Deviations',
    '',
    ...(paper.deviations.length === 0 ? ['None.'] : paper.deviations.map((d) => `- ${d}`)),
    '',
    '## Provenance',
    '',
    ...provenanceRows(manifest).map(([k, v]) => `- **${k}:** ${escMd(v)}`),
    '',
    ...(phases.length > 0 ? ['| phase | wall time |', '| --- | --- |', ...phases.map(([k, v]) => `| ${escMd(k)} | ${v} |`), ''] : []),
    'Everything else (resolved config, package versions, log) is in [manifest.json](manifest.json).',
    '',
  ];
  return lines.join('\n');
}

/** Inline SVG for HTML5: the XML namespace attributes are implied there, and dropping them keeps the page free of URLs. */
export const inlineSvg = (svg: string): string => svg.replace(/\s+xmlns(:\w+)?="[^"]*"/g, '');

/** report.html: the same content, self-contained (inline CSS and SVG, no scripts, no external resources). */
export function reportHtml(paper: Paper, claims: readonly ClaimRecord[], values: Values, figures: readonly FigureRecord[], manifest: Manifest): string {
  const c = verdictCounts(claims);
  const planted = manifestFault(manifest);
  const pvo = paperVsOurs(values);
  const lists = verdictLists(claims);
  const m = paper.meta;
  const row = (cells: string[], tag = 'td') => `<tr>${cells.map((x) => `<${tag}>${x}</${tag}>`).join('')}</tr>`;
  const phases = phaseRows(manifest);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escHtml(m.id)} — ${escHtml(m.title)}</title>
<style>
body{font-family:Helvetica,Arial,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}
table{border-collapse:collapse;width:100%;margin:1em 0;font-size:13px;display:block;overflow-x:auto}
@media (max-width:700px){body{margin:1em auto}figure{margin:.5em 0;max-width:100%}figure svg{max-width:100%;height:auto}}
figure svg{max-width:100%;height:auto}th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f4f4f4}.pass{color:#137333;font-weight:bold}.fail{color:#b3261e;font-weight:bold}.skip{color:#777}.inconclusive{color:#a05a00;font-weight:bold}
.verdict{font-size:1.1em;padding:.5em .8em;background:#f7f7f7;border-left:4px solid ${c.fail > 0 ? '#b3261e' : c.inconclusive > 0 ? '#a05a00' : '#137333'}}
.planted{background:#b3261e;color:#fff;padding:.8em 1em;font-weight:bold}
figure{display:inline-block;margin:1em;vertical-align:top;max-width:600px}figcaption{font-size:12px;color:#444}
code,pre{font-family:Menlo,Consolas,monospace;font-size:12px}pre{background:#f7f7f7;padding:1em;overflow:auto}
.cite{color:#444}
</style></head><body>
<h1>${escHtml(m.id)}: ${escHtml(m.title)}</h1>
${planted !== undefined ? `<p class="planted" role="alert">PLANTED FAULT <code>${escHtml(planted.name)}</code>: ${escHtml(planted.description)}. This run has a bug switched on deliberately (--fault); its numbers are not a reproduction.</p>\n` : ''}<p class="cite">${escHtml(citation(paper))}</p>
<p class="verdict"><strong>Verdict:</strong> <span class="pass">${c.pass} pass</span> / <span class="fail">${c.fail} fail</span> / <span class="inconclusive">${c.inconclusive} inconclusive</span> / <span class="skip">${c.skip} skip</span>${c.observational > 0 ? ` (${c.observational} observational)` : ''} — profile <code>${escHtml(str(manifest.profile))}</code>, seed ${escHtml(str(manifest.seed))}, backend ${escHtml(str((manifest.backend as { name?: string } | undefined)?.name))}.${lists.map((l) => `<br>${escHtml(l)}`).join('')}</p>
<h2>Figures</h2>
${figures.length === 0 ? '<p>No figure was drawn in this run.</p>' : figures.map((g) => `<figure id="${escHtml(g.id)}">${inlineSvg(g.svg)}<figcaption><strong>${escHtml(g.title)}.</strong> ${escHtml(g.caption)}${(g.claims ?? []).length > 0 ? ` <span class="supports">Supports: ${(g.claims ?? []).map((c) => `<code>${escHtml(c)}</code>`).join(', ')}.</span>` : ''}</figcaption></figure>`).join('\n')}
<h2>Paper vs ours</h2>
${pvo.length === 0 ? '<p>The paper publishes no number that this run measures (its claims are inequalities and rates: see the claims).</p>' : `<table class="pvo">${row(['value', 'paper', 'ours (± sd)', 'relative difference', 'unit', 'note'], 'th')}${pvo.map((r) => row([escHtml(r.name), escHtml(r.paper), escHtml(r.ours), escHtml(r.relDiff), escHtml(r.unit), escHtml(r.note)])).join('')}</table>`}
<h2>Claims</h2>
<table>${row(['claim', 'statement', 'status', 'observed', 'expected', 'tolerance', 'slack', 'catches'], 'th')}
${claims
  .map((x) =>
    row([
      `<code>${escHtml(x.id)}</code><br><small>${escHtml(x.source)}</small>`,
      escHtml(x.statement),
      `<span class="${x.status}">${escHtml(statusLabel(x))}</span>`,
      `${escHtml(observedText(x.observed, 12))}${x.note ? `<br><em>${escHtml(x.note)}</em>` : ''}`,
      escHtml(x.expected),
      escHtml(toleranceText(x)),
      escHtml(slackText(x)),
      escHtml(catchesText(x)),
    ]),
  )
  .join('\n')}</table>
<h2>Values</h2>
<table>${row(['name', 'value ± sd', 'unit', 'paper / bound', 'slack', 'note'], 'th')}
${valueRows(values)
  .map((r) => row(r.map(escHtml)))
  .join('\n')}</table>
<h2>Deviations</h2>
${paper.deviations.length === 0 ? '<p>None.</p>' : `<ul>${paper.deviations.map((d) => `<li>${escHtml(d)}</li>`).join('')}</ul>`}
<h2>Provenance</h2>
<table>${provenanceRows(manifest)
    .map(([k, v]) => row([escHtml(k), escHtml(v)]))
    .join('\n')}</table>
${phases.length > 0 ? `<table>${row(['phase', 'wall time'], 'th')}${phases.map(([k, v]) => row([escHtml(k), v])).join('')}</table>` : ''}
<details><summary>manifest.json</summary><pre>${escHtml(JSON.stringify(manifest, null, 2))}</pre></details>
</body></html>
`;
}
