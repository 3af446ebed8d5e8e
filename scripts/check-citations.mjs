// Every citation in code and tests resolves inside the repository (issue 22).
//
// Scans packages/*/{src,test}, papers/*/{src,test} and scripts/ for
//   1. forbidden references — material a user of the repository does not have (the private paper notes outside the
//      repository, the old design document): any of the patterns in FORBIDDEN below;
//   2. citations, one bracketed form each (several may share a bracket, separated by ';'):
//        [arXiv:<id> <locator>]            the id is declared by some paper's src/meta.ts (its `arxiv` field or an
//                                          `arXiv:<id>` in its bibtex) or listed in a NOTES.md "References" section
//                                          or in the "## References" section of a packages/<pkg>/README.md
//        [paper:<id> <locator>]            a paper without an arXiv id: papers/<id>/src/meta.ts exists
//        [NOTES.md §N]                     papers/<own id>/NOTES.md has a heading `## §N …`
//        [papers/<id>/NOTES.md §N]         the same for another (or a core package's) paper
//        [README §<heading>]               the file's own package README has that heading
//        [<package> README §<heading>]     packages/<package>/README.md (or papers/<package>/README.md) has it
//        [docs/<file>.md §<heading>]       that file has that heading (any repo-relative .md path: [README.md §…] is
//                                          the root README)
// Prints `citations: N passed, M failed` per category, writes test-results/citations.json, exits 1 on any failure.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root, writeCheckResult } from './lib.mjs';

// Built from pieces so that this file does not match its own patterns.
const FORBIDDEN = [
  ['card §', new RegExp('\\bcard ' + '§', 'i')],
  ['[card', new RegExp('\\[' + 'card', 'i')],
  ['shared/papers', new RegExp('shared/' + 'papers')],
  ['DESIGN.md', new RegExp('DESIGN' + '\\.md')],
  ['paper card', new RegExp('paper ' + 'cards?\\b', 'i')],
  ['card (the private paper notes)', new RegExp('\\b' + 'cards?\\b', 'i')],
];

const EXT = /\.(ts|tsx|mts|cts|js|mjs|cjs|sh)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'results', 'reference', 'test-results', '.turbo']);

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name)) walk(p, out);
    } else if (EXT.test(name) || (dir.endsWith('/scripts/slurm') && !name.includes('.'))) out.push(p);
  }
  return out;
}

const files = [];
for (const top of ['packages', 'papers']) {
  for (const pkg of readdirSync(join(root, top)).sort()) {
    for (const sub of ['src', 'test']) walk(join(root, top, pkg, sub), files);
  }
}
walk(join(root, 'scripts'), files);

/** Markdown heading texts of a file (without the leading #s), or null when it does not exist. */
const headingCache = new Map();
function headings(path) {
  if (!headingCache.has(path)) {
    headingCache.set(
      path,
      existsSync(path)
        ? readFileSync(path, 'utf8')
            .split('\n')
            .filter((l) => /^#{1,6} /.test(l))
            .map((l) => l.replace(/^#{1,6} /, '').trim())
        : null,
    );
  }
  return headingCache.get(path);
}

// arXiv ids the repository declares.
const arxivIds = new Set();
for (const id of readdirSync(join(root, 'papers'))) {
  const meta = join(root, 'papers', id, 'src', 'meta.ts');
  if (existsSync(meta)) {
    const t = readFileSync(meta, 'utf8');
    for (const m of t.matchAll(/arxiv:\s*'([^']+)'/g)) arxivIds.add(m[1]);
    for (const m of t.matchAll(/arXiv:\s*(\d{4}\.\d{4,5})/g)) arxivIds.add(m[1]);
  }
  const notes = join(root, 'papers', id, 'NOTES.md');
  if (existsSync(notes)) {
    const t = readFileSync(notes, 'utf8');
    const refs = t.split(/^## /m).find((s) => /^(§\d+ )?References\b/.test(s));
    if (refs) for (const m of refs.matchAll(/arXiv:(\d{4}\.\d{4,5})/g)) arxivIds.add(m[1]);
  }
}

// …and those a core package's README lists in its "References" section (issue 22: @repro/nets cites the NTK papers).
for (const pkg of readdirSync(join(root, 'packages'))) {
  const readme = join(root, 'packages', pkg, 'README.md');
  if (!existsSync(readme)) continue;
  const refs = readFileSync(readme, 'utf8').split(/^## /m).find((s) => /^References\b/.test(s));
  if (refs) for (const m of refs.matchAll(/arXiv:(\d{4}\.\d{4,5})/g)) arxivIds.add(m[1]);
}

const cats = { forbidden: [0, []], arxiv: [0, []], paper: [0, []], notes: [0, []], readme: [0, []], docs: [0, []] };
const pass = (c) => cats[c][0]++;
const fail = (c, where, msg) => cats[c][1].push(`${where}: ${msg}`);

const hasSection = (path, n) => {
  const hs = headings(path);
  return hs !== null && hs.some((h) => h === `§${n}` || h.startsWith(`§${n} `));
};
const hasHeading = (path, h) => {
  const hs = headings(path);
  return hs !== null && hs.includes(h.trim());
};

// A bracket that opens a citation: the whole bracket must be on one line.
const OPEN = /\[(?=arXiv:|paper:|NOTES\.md §|papers\/[\w-]+\/NOTES\.md|[\w./-]+\.md §|(?:[@\w/.-]+ )?README §)/g;

for (const file of files) {
  const rel = relative(root, file);
  if (rel === 'scripts/check-citations.mjs') continue;
  const m = /^(packages|papers)\/([^/]+)\//.exec(rel);
  const own = m ? { kind: m[1], id: m[2] } : null;
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const where = `${rel}:${i + 1}`;
    for (const [name, re] of FORBIDDEN) {
      if (re.test(line)) {
        fail('forbidden', where, `forbidden reference "${name}": ${line.trim().slice(0, 120)}`);
        break;
      }
    }
    for (const open of line.matchAll(OPEN)) {
      const close = line.indexOf(']', open.index);
      if (close < 0) {
        fail(/arXiv/.test(line.slice(open.index)) ? 'arxiv' : 'notes', where, 'citation not closed on its line');
        continue;
      }
      for (const part of line.slice(open.index + 1, close).split(';').map((s) => s.trim())) {
        let c;
        if ((c = /^arXiv:(\d{4}\.\d{4,5})(v\d+)?\b/.exec(part))) {
          if (arxivIds.has(c[1])) pass('arxiv');
          else fail('arxiv', where, `arXiv:${c[1]} is declared by no paper's meta.ts or NOTES.md References`);
        } else if ((c = /^paper:([\w-]+)\b/.exec(part))) {
          if (existsSync(join(root, 'papers', c[1], 'src', 'meta.ts'))) pass('paper');
          else fail('paper', where, `no paper package ${c[1]}`);
        } else if ((c = /^NOTES\.md §(\d+)\b/.exec(part))) {
          if (own?.kind !== 'papers') fail('notes', where, '[NOTES.md §N] outside a paper package: name the paper');
          else if (hasSection(join(root, 'papers', own.id, 'NOTES.md'), c[1])) pass('notes');
          else fail('notes', where, `papers/${own.id}/NOTES.md has no heading "## §${c[1]} …"`);
        } else if ((c = /^papers\/([\w-]+)\/NOTES\.md §(\d+)\b/.exec(part))) {
          if (hasSection(join(root, 'papers', c[1], 'NOTES.md'), c[2])) pass('notes');
          else fail('notes', where, `papers/${c[1]}/NOTES.md has no heading "## §${c[2]} …"`);
        } else if ((c = /^((?:docs\/)?[\w./-]+\.md) §(.+)$/.exec(part))) {
          if (hasHeading(join(root, c[1]), c[2])) pass('docs');
          else fail('docs', where, `${c[1]} has no heading "${c[2]}"`);
        } else if ((c = /^(?:(?:@repro\/)?([\w-]+) )?README §(.+)$/.exec(part))) {
          const pkg = c[1] ?? own?.id;
          const path = !pkg
            ? join(root, 'README.md')
            : existsSync(join(root, 'packages', pkg))
              ? join(root, 'packages', pkg, 'README.md')
              : join(root, 'papers', pkg, 'README.md');
          if (hasHeading(path, c[2])) pass('readme');
          else fail('readme', where, `${relative(root, path)} has no heading "${c[2]}"`);
        }
        // Other parts of a shared bracket (plain words) are not citations.
      }
    }
  });
}
cats.forbidden[0] = files.length - new Set(cats.forbidden[1].map((s) => s.split(':')[0])).size;

let passed = 0;
let failed = 0;
for (const [name, [p, fails]] of Object.entries(cats)) {
  for (const f of fails) console.error(`  ${name}: ${f}`);
  const unit = name === 'forbidden' ? ' (passed: files without one; failed: lines)' : '';
  console.log(`citations: ${name}: ${p} passed, ${fails.length} failed${unit}`);
  passed += p;
  failed += fails.length;
}
writeCheckResult('citations', passed, failed);
console.log(`citations: ${passed} passed, ${failed} failed (${files.length} files scanned)`);
process.exit(failed ? 1 : 0);
