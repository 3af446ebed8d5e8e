import type { Paper } from './define-paper.js';
import type { Values, Verdict } from './types.js';

export interface ClaimRecord extends Verdict {
  id: string;
  source: string;
  statement: string;
  evidence: string;
  precision: string;
  profiles: readonly string[];
}

export interface FigureRecord {
  id: string;
  title: string;
  caption: string;
  svg: string;
}

const fmt = (v: number): string => {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e5 || a < 1e-3 ? v.toExponential(3) : String(+v.toPrecision(4));
};

function observedText(obs: Record<string, number>, max = 6): string {
  const entries = Object.entries(obs);
  const shown = entries.slice(0, max).map(([k, v]) => `${k} = ${fmt(v)}`);
  if (entries.length > max) shown.push(`… (+${entries.length - max} in claims.json)`);
  return shown.join(', ');
}

function toleranceText(v: Verdict): string {
  const t = v.tolerance;
  switch (t.kind) {
    case 'allclose':
      return `allclose(rtol ${t.rtol}, atol ${fmt(t.atol)})`;
    case 'bound':
      return `bound (${t.side === 'le' ? '≤' : '≥'})`;
    case 'rate':
      return `rate in [${t.range[0]}, ${t.range[1]}]`;
    case 'probability':
      return `probability ≥ ${t.claimed} (α = ${t.alpha})`;
  }
}

const escMd = (s: string): string => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
const escHtml = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function valueRows(values: Values): string[][] {
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

/** report.md: summary, claims table, values, figures (relative links), deviations, provenance. */
export function reportMarkdown(paper: Paper, claims: readonly ClaimRecord[], values: Values, figures: readonly FigureRecord[], manifest: Record<string, unknown>): string {
  const c = (s: string) => claims.filter((x) => x.status === s).length;
  const m = paper.meta;
  const lines = [
    `# ${m.id}: ${m.title}`,
    '',
    `${m.authors.join(', ')}. *${m.title}.* ${m.venue}.${m.arxiv ? ` arXiv:${m.arxiv}.` : ''}`,
    '',
    `**Verdict:** ${c('pass')} pass · ${c('fail')} fail · ${c('skip')} skip — profile \`${String(manifest.profile)}\`, seed ${String(manifest.seed)}, backend ${String((manifest.backend as { name?: string } | undefined)?.name ?? 'n/a')}.`,
    '',
    '## Claims',
    '',
    '| claim | statement | evidence | status | observed | expected | tolerance |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...claims.map(
      (x) =>
        `| \`${x.id}\` | ${escMd(x.statement)} | ${x.evidence} | **${x.status}** | ${escMd(observedText(x.observed))}${x.note ? `<br>*${escMd(x.note)}*` : ''} | ${escMd(x.expected)} | ${toleranceText(x)} |`,
    ),
    '',
    '## Values',
    '',
    '| name | value | unit | paper / bound | slack | note |',
    '| --- | --- | --- | --- | --- | --- |',
    ...valueRows(values).map((r) => `| ${r.map(escMd).join(' | ')} |`),
    '',
    '## Figures',
    '',
    ...figures.flatMap((f) => [`### ${f.title}`, '', `![${f.id}](figures/${f.id}.svg)`, '', f.caption, '']),
    '## Deviations',
    '',
    ...paper.deviations.map((d) => `- ${d}`),
    '',
    '## Provenance',
    '',
    '```json',
    JSON.stringify(manifest, null, 2),
    '```',
    '',
  ];
  return lines.join('\n');
}

/** report.html: the same content, self-contained (inline CSS and SVG, no external resources). */
export function reportHtml(paper: Paper, claims: readonly ClaimRecord[], values: Values, figures: readonly FigureRecord[], manifest: Record<string, unknown>): string {
  const c = (s: string) => claims.filter((x) => x.status === s).length;
  const m = paper.meta;
  const row = (cells: string[], tag = 'td') => `<tr>${cells.map((x) => `<${tag}>${x}</${tag}>`).join('')}</tr>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escHtml(m.id)} — ${escHtml(m.title)}</title>
<style>
body{font-family:Helvetica,Arial,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}
table{border-collapse:collapse;width:100%;margin:1em 0;font-size:13px}th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f4f4f4}.pass{color:#137333;font-weight:bold}.fail{color:#b3261e;font-weight:bold}.skip{color:#777}
figure{display:inline-block;margin:1em;vertical-align:top;max-width:560px}figcaption{font-size:12px;color:#444}
code,pre{font-family:Menlo,Consolas,monospace;font-size:12px}pre{background:#f7f7f7;padding:1em;overflow:auto}
</style></head><body>
<h1>${escHtml(m.id)}: ${escHtml(m.title)}</h1>
<p>${escHtml(m.authors.join(', '))}. <em>${escHtml(m.title)}.</em> ${escHtml(m.venue)}.${m.arxiv ? ` arXiv:${escHtml(m.arxiv)}.` : ''}</p>
<p><strong>Verdict:</strong> <span class="pass">${c('pass')} pass</span> · <span class="fail">${c('fail')} fail</span> · <span class="skip">${c('skip')} skip</span> — profile <code>${escHtml(String(manifest.profile))}</code>, seed ${escHtml(String(manifest.seed))}.</p>
<h2>Claims</h2>
<table>${row(['claim', 'statement', 'evidence', 'status', 'observed', 'expected', 'tolerance'], 'th')}
${claims
  .map((x) =>
    row([
      `<code>${escHtml(x.id)}</code><br><small>${escHtml(x.source)}</small>`,
      escHtml(x.statement),
      escHtml(x.evidence),
      `<span class="${x.status}">${x.status}</span>`,
      `${escHtml(observedText(x.observed, 12))}${x.note ? `<br><em>${escHtml(x.note)}</em>` : ''}`,
      escHtml(x.expected),
      escHtml(toleranceText(x)),
    ]),
  )
  .join('\n')}</table>
<h2>Values</h2>
<table>${row(['name', 'value', 'unit', 'paper / bound', 'slack', 'note'], 'th')}
${valueRows(values)
  .map((r) => row(r.map(escHtml)))
  .join('\n')}</table>
<h2>Figures</h2>
${figures.map((f) => `<figure id="${escHtml(f.id)}">${f.svg}<figcaption><strong>${escHtml(f.title)}.</strong> ${escHtml(f.caption)}</figcaption></figure>`).join('\n')}
<h2>Deviations</h2>
<ul>${paper.deviations.map((d) => `<li>${escHtml(d)}</li>`).join('')}</ul>
<h2>Provenance</h2>
<pre>${escHtml(JSON.stringify(manifest, null, 2))}</pre>
</body></html>
`;
}
