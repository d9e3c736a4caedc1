import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Builds the renderer once (as production: vitest sets NODE_ENV=test, which would give React's dev build) for the whole end-to-end run: the tests exercise the production bundle. */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..', '..');
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
