import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the operator CLI exactly as documented: `npm run -s motcua -- <args>`. */
export function motcua(args: string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync('npm', ['run', '-s', 'motcua', '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
