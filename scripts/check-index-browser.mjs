#!/usr/bin/env node
// Opens results/index.html (written by `pnpm repro all`) in headless Chromium (Debian's `chromium`, driven by
// playwright-core) and checks what a reader sees: every paper section present, every figure rendered (an inline, non-empty
// SVG with at least one drawn data mark), figures before claims, no console errors or page errors, no horizontal overflow at
// desktop (1300 px) and phone (390 px) widths; saves full-page screenshots to results/index.png, index-desktop.png and
// index-phone.png. Prints `browser: N passed, M failed`, writes test-results/browser.json, exits 1 on any failure.
// Chromium: $CHROMIUM_PATH, else /usr/bin/chromium (`.ci/run` installs it with apt when missing).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { root, writeCheckResult } from './lib.mjs';

const index = join(root, 'results', 'index.html');
let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else failed++;
  console.log(`browser: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
};
const finish = () => {
  console.log(`browser: ${passed} passed, ${failed} failed`);
  writeCheckResult('browser', passed, failed);
  process.exit(failed > 0 ? 1 : 0);
};
if (!existsSync(index)) {
  check(false, `${index} exists (run pnpm repro all first)`);
  finish();
}
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  check(false, `Chromium at ${executablePath} (install Debian's chromium or set CHROMIUM_PATH)`);
  finish();
}

// What the page should show, from the files: the papers linked in the summary and their figure files.
const html = readFileSync(index, 'utf8');
const papers = [...html.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
const expectedFigures = {};
for (const p of papers) {
  const m = new RegExp(`<section id="${p}">[\\s\\S]*?profile <code>([^<]*)</code>`).exec(html);
  const dir = join(root, 'papers', p, 'results', m?.[1] ?? 'smoke', 'figures');
  expectedFigures[p] = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.svg')).length : 0;
}

const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(pathToFileURL(index).href, { waitUntil: 'load' });
  check(papers.length > 0, `index lists ${papers.length} paper section(s): ${papers.join(', ')}`);
  const figs = await page.evaluate(() =>
    [...document.querySelectorAll('figure.fig')].map((f) => {
      const svg = f.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      // Vega's SVG renderer tags data marks with role-mark (axes, legends and titles have other roles).
      const marks = svg ? [...svg.querySelectorAll('g.role-mark > path, g.role-mark > g > path, g.role-mark circle, g.role-mark rect, g.role-mark line')] : [];
      const drawn = marks.filter((e) => (e.tagName !== 'path' || (e.getAttribute('d') ?? '').length > 2) && e.getAttribute('opacity') !== '0').length;
      return { id: f.id, w: box?.width ?? 0, h: box?.height ?? 0, drawn };
    }),
  );
  for (const p of papers) {
    const mine = figs.filter((f) => f.id.startsWith(`${p}--`));
    const bad = mine.filter((f) => !(f.w > 50 && f.h > 50 && f.drawn > 0));
    check(
      mine.length === expectedFigures[p] && bad.length === 0,
      `${p}: ${mine.length}/${expectedFigures[p]} figures rendered with data marks${bad.length ? ` — empty: ${bad.map((f) => `${f.id} (${Math.round(f.w)}×${Math.round(f.h)}, ${f.drawn} marks)`).join(', ')}` : ''}`,
    );
  }
  const claimRows = await page.evaluate(() => document.querySelectorAll('table.claims tr').length);
  check(claimRows > papers.length, `claims tables rendered (${claimRows - papers.length} claim rows)`);
  check(errors.length === 0, `no console errors, page errors or failed requests${errors.length ? `: ${errors.join(' | ')}` : ''}`);
  const shot = join(root, 'results', 'index.png');
  await page.screenshot({ path: shot, fullPage: true });
  check(existsSync(shot), `screenshot saved to ${shot}`);
  // The page leads with what a reader looks for: in each section the figures come before the claims table.
  const order = await page.evaluate(() =>
    [...document.querySelectorAll('section')].map((sec) => {
      const heads = [...sec.querySelectorAll('h3')].map((h) => h.textContent ?? '');
      return { id: sec.id, figures: heads.findIndex((h) => h.startsWith('Figures')), claims: heads.findIndex((h) => h.startsWith('Claims')) };
    }),
  );
  const misordered = order.filter((o) => !(o.figures >= 0 && o.claims > o.figures));
  check(misordered.length === 0, `each section shows its figures before its claims${misordered.length ? ` — not: ${misordered.map((o) => o.id).join(', ')}` : ''}`);
  // Desktop and phone widths: nothing wider than the viewport (wide tables scroll inside themselves), every figure drawn.
  for (const [name, width, height] of [
    ['desktop', 1300, 900],
    ['phone', 390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    const m = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
      tooWide: [...document.querySelectorAll('figure svg')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).length,
      empty: [...document.querySelectorAll('figure svg')].filter((e) => !(e.getBoundingClientRect().width > 50)).length,
    }));
    check(m.scroll <= m.inner + 1 && m.tooWide === 0 && m.empty === 0, `${name} (${width} px): no horizontal overflow (page ${m.scroll} px), ${m.tooWide} figures wider than the screen, ${m.empty} figures undrawn`);
    const p = join(root, 'results', `index-${name}.png`);
    await page.screenshot({ path: p, fullPage: true });
    check(existsSync(p), `${name} screenshot saved to ${p}`);
  }
} finally {
  await browser.close();
}
finish();
