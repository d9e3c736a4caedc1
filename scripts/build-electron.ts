// Bundles the Electron main process and the preload into dist/electron with esbuild.
// The preload runs sandboxed (it may require only 'electron'), so it carries its imports inside;
// the main process keeps npm packages external: electron-builder ships them in the asar, and
// native modules (better-sqlite3) are rebuilt for Electron only when packaging.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, logLevel: 'warning' } as const;

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', packages: 'external' });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
