import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContractError, type Result } from '../contract/errors';
import { createServices, type AppServices } from '../services/createServices';
import { defaultDataDir } from '../services/dataDir';
import { createLogger } from '../services/logger';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function appVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Opens the same services the app uses, on the chosen data directory. Logs go to stderr, warnings only. */
export function openServices(dataDirOption: string | undefined): AppServices {
  const dataDir = dataDirOption ? path.resolve(dataDirOption) : defaultDataDir();
  return createServices({ dataDir, resourcesDir: path.join(repoRoot, 'resources'), appVersion: appVersion(), logger: createLogger(undefined, 'warn') });
}

/** Calls a contract method through the router, as the renderer would, and unwraps the result. */
export async function call<T>(services: AppServices, method: string, input: unknown): Promise<T> {
  const result: Result<unknown> = await services.router.handle(method, input, { transport: 'cli' });
  if (!result.ok) throw new ContractError(result.error);
  return result.value as T;
}
