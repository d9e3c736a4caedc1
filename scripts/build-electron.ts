// Bundles the Electron main process and the preload into dist/electron with esbuild.
// The preload runs sandboxed (it may require only 'electron'), so it carries its imports inside;
// the main process keeps npm packages external: electron-builder ships them in the asar, and
// native modules (better-sqlite3) are rebuilt for Electron only when packaging.
import { build } from 'esbuild';

// import.meta is empty in CJS bundles; the code that reads it (documents/worker.ts) falls back to __filename.
const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' } } as const;

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', packages: 'external' });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
// The PDF worker thread (electron/services/documents/worker.ts looks for it beside main.cjs).
await build({ ...common, entryPoints: ['electron/services/documents/documentWorker.ts'], outfile: 'dist/electron/documentWorker.cjs', packages: 'external' });
// The scanning image pipeline's worker thread (electron/services/scanning/workerPipeline.ts).
await build({ ...common, entryPoints: ['electron/services/scanning/scanWorker.ts'], outfile: 'dist/electron/scanWorker.cjs', packages: 'external' });
// The signing worker thread: PKCS#11, PDF assembly and CMS (services/signing/createSigning.ts looks for it beside main.cjs).
await build({ ...common, entryPoints: ['electron/services/signing/signingWorker.ts'], outfile: 'dist/electron/signingWorker.cjs', packages: 'external' });
console.log('built dist/electron/main.cjs, preload.cjs, documentWorker.cjs, scanWorker.cjs and signingWorker.cjs');
