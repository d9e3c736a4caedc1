import fs from 'node:fs';
import path from 'node:path';

export interface ModuleCandidate {
  ca: string;
  file: string;
  exists: boolean;
}

interface ModuleList {
  windows: { ca: string; files: string[] }[];
  linux: { ca: string; files: string[] }[];
}

/**
 * PKCS#11 modules to try: the configured path first, then the known middleware of Vietnamese CAs
 * for this platform, kept as data in resources/tokens/pkcs11-modules.json (x64 names first).
 */
export function moduleCandidates(resourcesDir: string, configured: string | null, platform: NodeJS.Platform = process.platform): ModuleCandidate[] {
  const list = JSON.parse(fs.readFileSync(path.join(resourcesDir, 'tokens', 'pkcs11-modules.json'), 'utf8')) as ModuleList;
  const known = platform === 'win32' ? list.windows : platform === 'linux' ? list.linux : [];
  const all = [...(configured ? [{ ca: 'configured', file: configured }] : []), ...known.flatMap((entry) => entry.files.map((file) => ({ ca: entry.ca, file })))];
  return all.map((c) => ({ ...c, exists: fs.existsSync(c.file) }));
}

/** The first candidate present on this machine, or null. */
export function discoverModule(resourcesDir: string, configured: string | null, platform?: NodeJS.Platform): string | null {
  return moduleCandidates(resourcesDir, configured, platform).find((c) => c.exists)?.file ?? null;
}
