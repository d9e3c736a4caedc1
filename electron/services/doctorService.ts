import fs from 'node:fs';
import path from 'node:path';
import type { DoctorReport } from '../contract/app';

export interface DoctorInputs {
  dataDir: string;
  resourcesDir: string;
  sqliteVersion: string;
  integrity: string;
  schemaVersion: number;
  /** Procedures loaded and checked from resources/procedures. */
  procedures: number;
  /** Scanners the drivers found (SANE, eSCL), or why listing them failed. */
  scanners: { id: string; name: string; backend: string }[] | { error: string };
}

function canWrite(dir: string): { ok: boolean; detail: string } {
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
    return { ok: true, detail: dir };
  } catch (error) {
    return { ok: false, detail: (error as NodeJS.ErrnoException).code ?? 'unknown error' };
  }
}

/**
 * The installation check behind `motcua doctor`. Tokens are listed by `motcua tokens --module …`:
 * loading a PKCS#11 library is the signing worker's job, not a health check's.
 */
export function runDoctor(inputs: DoctorInputs): DoctorReport {
  const writable = canWrite(inputs.dataDir);
  return {
    node: process.versions.node,
    sqlite: inputs.sqliteVersion,
    dataDir: inputs.dataDir,
    dbIntegrity: inputs.integrity,
    schemaVersion: inputs.schemaVersion,
    procedures: inputs.procedures,
    scanners: 'error' in inputs.scanners ? [] : inputs.scanners,
    tokens: [],
    checks: [
      { name: 'dataDirWritable', ok: writable.ok, detail: writable.detail },
      { name: 'databaseIntegrity', ok: inputs.integrity === 'ok', detail: inputs.integrity },
      { name: 'resources', ok: fs.existsSync(inputs.resourcesDir), detail: inputs.resourcesDir },
      { name: 'scanners', ok: !('error' in inputs.scanners), detail: 'error' in inputs.scanners ? inputs.scanners.error : `${inputs.scanners.length}` },
    ],
  };
}
