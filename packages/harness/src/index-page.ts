import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const esc = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** results/index.html: one row per paper run, linking its report, with pass/fail/skip counts and provenance. */
export function writeIndex(rootDir: string, runDirs: readonly { paper: string; dir: string }[]): string {
  const rows = runDirs.map(({ paper, dir }) => {
    const claimsPath = join(dir, 'claims.json');
    if (!existsSync(claimsPath)) return `<tr><td>${esc(paper)}</td><td colspan="5">no results</td></tr>`;
    const claims = JSON.parse(readFileSync(claimsPath, 'utf8')) as { id: string; status: string }[];
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { profile?: string; wallSeconds?: number; git?: { commit?: string }; title?: string };
    const c = (s: string) => claims.filter((x) => x.status === s).length;
    const link = relative(join(rootDir, 'results'), join(dir, 'report.html'));
    return `<tr><td><a href="${esc(link)}">${esc(paper)}</a><br><small>${esc(manifest.title ?? '')}</small></td><td>${esc(manifest.profile ?? '')}</td><td class="pass">${c('pass')}</td><td class="fail">${c('fail')}</td><td>${c('skip')}</td><td><code>${esc(String(manifest.git?.commit ?? '').slice(0, 12))}</code> · ${(manifest.wallSeconds ?? 0).toFixed(1)} s</td></tr>`;
  });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>repro — all papers</title>
<style>body{font-family:Helvetica,Arial,sans-serif;max-width:1000px;margin:2em auto}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:6px}.pass{color:#137333}.fail{color:#b3261e}</style>
</head><body><h1>Reproductions</h1><table><tr><th>paper</th><th>profile</th><th>pass</th><th>fail</th><th>skip</th><th>provenance</th></tr>
${rows.join('\n')}</table></body></html>
`;
  mkdirSync(join(rootDir, 'results'), { recursive: true });
  const out = join(rootDir, 'results', 'index.html');
  writeFileSync(out, html);
  return out;
}
