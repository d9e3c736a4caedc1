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
 * The installation check behind `motcua doctor` and the settings screen. Scanner and token
 * discovery join this report when their drivers land (native/scanner, native/token).
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
    scanners: [],
    tokens: [],
    checks: [
      { name: 'dataDirWritable', ok: writable.ok, detail: writable.detail },
      { name: 'databaseIntegrity', ok: inputs.integrity === 'ok', detail: inputs.integrity },
      { name: 'resources', ok: fs.existsSync(inputs.resourcesDir), detail: inputs.resourcesDir },
    ],
  };
}
