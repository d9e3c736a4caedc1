/**
 * The end-to-end harness: the built renderer served to Debian's Chromium (playwright-core) with
 * the same headers the app:// protocol sends, and the real contract bridge installed through
 * `exposeBinding` onto the real services over real SQLite in a temporary folder. No fake services:
 * the only thing replaced is the transport (IPC → Playwright binding), exactly as DESIGN §3 says.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Result } from '../../electron/contract/errors';
import { appOrigin, serveAppAsset } from '../../electron/main/appProtocol';
import { isTrustedSender } from '../../electron/main/security';
import { createServices, type AppServices } from '../../electron/services/createServices';
import { createLogger } from '../../electron/services/logger';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const rendererDir = path.join(repoRoot, 'dist', 'renderer');
export const screensDir = path.join(repoRoot, 'test-results', 'screens');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for Debian's Chromium on a build machine with no network beyond the package registries. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** `launchArgs`: extra flags for one test file (e.g. a fake camera showing a generated picture). */
export async function launchChromium(launchArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...launchArgs], headless: true });
}

/** Serves dist/renderer over loopback through the app protocol's own handler (same files, same CSP). */
export async function startRendererServer(): Promise<{ url: string; close(): Promise<void> }> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: run npm run build:renderer');
  const server = http.createServer((req, res) => {
    void serveAppAsset(rendererDir, new Request(`${appOrigin}${req.url ?? '/'}`, { method: req.method })).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Installs `window.motcua` exactly as the preload does: an object with invoke and on. A string,
 * not a function: a function's source would carry the transpiler's helpers (tsx adds `__name`),
 * which do not exist in the page.
 */
const bridgeInit = `(() => {
  const listeners = new Set();
  window.__motcuaDispatch = (name, payload) => {
    for (const listener of listeners) listener(name, payload);
  };
  const invoke = window.__motcuaInvoke;
  window.motcua = Object.freeze({
    invoke: (method, input) => invoke(method, input),
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
})();`;

export interface Harness {
  page: Page;
  context: BrowserContext;
  services: AppServices;
  dataDir: string;
  baseUrl: string;
  /** Problems the page reported: uncaught errors, console errors, CSP violations. */
  problems: string[];
  /** Opens a route of the hash router, e.g. '/settings'. */
  open(route?: string): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  browser: Browser;
  baseUrl: string;
  dataDir?: string;
  viewport?: { width: number; height: number };
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-'));
  const services = createServices({ dataDir, resourcesDir: path.join(repoRoot, 'resources'), appVersion: '0.1.0', logger: createLogger(undefined, 'silent') });
  const context = await options.browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 860 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });

  await page.exposeBinding('__motcuaInvoke', async (source, method: unknown, input: unknown): Promise<Result<unknown>> => {
    const trusted = isTrustedSender({ url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }, options.baseUrl);
    if (!trusted) return { ok: false, error: { code: 'UNTRUSTED_SENDER', message_vi: 'Từ chối', message_en: 'Refused', details: {} } };
    return services.router.handle(method, input, { transport: 'e2e' });
  });
  await page.addInitScript({ content: bridgeInit });
  const unsubscribe = services.events.subscribe((name, payload) => {
    void page.evaluate(([n, p]) => (window as unknown as { __motcuaDispatch(n: string, p: unknown): void }).__motcuaDispatch(n, p), [name, payload] as const).catch(() => undefined);
  });

  return {
    page,
    context,
    services,
    dataDir,
    baseUrl: options.baseUrl,
    problems,
    async open(route = '/') {
      await page.goto(`${options.baseUrl}/index.html#${route}`);
      await page.locator('h1').first().waitFor();
    },
    async close() {
      unsubscribe();
      await context.close();
      services.close();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core (WCAG 2.0–2.2 A/AA and best practices) on the page as it is now. */
export async function axeCheck(page: Page): Promise<AxeViolation[]> {
  // evaluate() is not subject to the page's CSP, unlike an injected <script>.
  await page.evaluate(axe.source);
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return result;
}

/** Saves a full-page screenshot under test-results/screens/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screensDir, { recursive: true });
  const file = path.join(screensDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
