/**
 * `npm run bench`: prints one JSON document of figures, each beside the baseline it is compared
 * against in the same run. No timing is asserted anywhere in the tests; this is where speed lives.
 *
 * - startToFirstContentfulPaint: from "the app starts" (services open the SQLite store, Chromium
 *   launches) to the home screen's first contentful paint, in the e2e harness. Baseline: the same
 *   path to a static one-line page served by the same server (what Chromium itself costs).
 * - initialRouteJsGzip: gzipped size of the JS the home route loads (entry + static imports),
 *   against the 250 KB budget.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium, rendererDir, repoRoot, startHarness, startRendererServer } from '../e2e/harness';
import { suites } from './suites';

const runs = Number(process.env.BENCH_RUNS ?? 5);

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return { median: Math.round(median), min: Math.round(sorted[0]!), max: Math.round(sorted.at(-1)!), runs: values.length };
}

/** Wall-clock ms from `startedAt` to the page's first contentful paint. */
async function fcpSince(page: Page, startedAt: number): Promise<number> {
  const fcpAt = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(performance.timeOrigin + entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  return fcpAt - startedAt;
}

async function measureApp(baseUrl: string): Promise<number> {
  const startedAt = Date.now();
  const browser = await launchChromium();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
  const h = await startHarness({ browser, baseUrl, dataDir });
  try {
    await h.page.goto(`${baseUrl}/index.html#/`);
    // The home screen itself, not a start-up error page (which also has an h1).
    await h.page.getByRole('link', { name: 'Cài đặt' }).waitFor();
    return await fcpSince(h.page, startedAt);
  } finally {
    await h.close();
    await browser.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureStaticPage(baseUrl: string): Promise<number> {
  const startedAt = Date.now();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/bench-baseline.html`);
    return await fcpSince(page, startedAt);
  } finally {
    await browser.close();
  }
}

function initialRouteJs(): { files: string[]; gzipBytes: number; rawBytes: number } {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const files = [...new Set(refs)].map((r) => path.join(rendererDir, r.replace(/^\.\//, '')));
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.map((f) => path.relative(repoRoot, f)), gzipBytes, rawBytes };
}

async function main(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  const baselineFile = path.join(rendererDir, 'bench-baseline.html');
  fs.writeFileSync(baselineFile, '<!doctype html><html lang="vi"><title>baseline</title><h1>Một Cửa Kiosk</h1></html>');
  const server = await startRendererServer();
  try {
    const app: number[] = [];
    const baseline: number[] = [];
    await measureApp(server.url); // warm the disk cache once, as a real start after boot would not be
    for (let i = 0; i < runs; i++) {
      baseline.push(await measureStaticPage(server.url));
      app.push(await measureApp(server.url));
    }
    const js = initialRouteJs();
    const budget = 250 * 1024;
    const appStats = stats(app);
    const baseStats = stats(baseline);
    const report = {
      machine: { cpus: os.cpus().length, node: process.versions.node },
      startToFirstContentfulPaint: {
        unit: 'ms',
        app: appStats,
        baseline: { what: 'same launch path to a static one-line page', ...baseStats },
        overBaselineMs: appStats.median - baseStats.median,
      },
      initialRouteJsGzip: { unit: 'bytes', value: js.gzipBytes, raw: js.rawBytes, budget, withinBudget: js.gzipBytes <= budget, files: js.files },
    } as Record<string, unknown>;
    for (const [name, suite] of Object.entries(suites)) report[name] = await suite();
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await server.close();
    fs.rmSync(baselineFile, { force: true });
  }
}

await main();
