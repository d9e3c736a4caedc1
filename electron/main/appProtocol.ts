import fs from 'node:fs/promises';
import path from 'node:path';
import { securityHeaders } from './csp';

/** The renderer is served from `app://motcua/…`, never from a dev server or file:// in production. */
export const appScheme = 'app';
export const appHost = 'motcua';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wasm': 'application/wasm',
};

/**
 * Maps an app:// URL to a file inside `rootDir`, or null when the URL is not ours or would
 * escape the folder (`..`, encoded slashes, absolute paths).
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${pathname}`);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Answers one request of the app protocol: the file with our security headers, or 404. */
export async function serveAppAsset(rootDir: string, request: Request): Promise<Response> {
  const file = resolveAppAsset(rootDir, request.url);
  if (file === null || request.method !== 'GET') return new Response('Not found', { status: 404, headers: securityHeaders });
  try {
    const body = await fs.readFile(file);
    const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(body, { status: 200, headers: { ...securityHeaders, 'Content-Type': type } });
  } catch {
    return new Response('Not found', { status: 404, headers: securityHeaders });
  }
}
