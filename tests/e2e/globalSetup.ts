import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Builds the renderer once for the whole end-to-end run: the tests exercise the production bundle. */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..', '..');
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
