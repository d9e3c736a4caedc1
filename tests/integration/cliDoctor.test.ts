import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/db/migrations';
import { databaseFile } from '../../electron/services/dataDir';
import { motcua } from '../support/cli';
import { tempDir } from '../support/tempDir';

describe('motcua doctor', () => {
  it('prints one JSON document with the SQLite version and dbIntegrity "ok"', () => {
    const dataDir = tempDir();
    const run = motcua(['doctor', '--json', '--data-dir', dataDir], { SANE_CONFIG_DIR: tempDir(), MOTCUA_ESCL_DISCOVER: '0' });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(report).toMatchObject({ node: process.versions.node, dataDir, dbIntegrity: 'ok', scanners: [], tokens: [] });
    expect(report.sqlite).toMatch(/^3\.\d+\.\d+$/);
    expect(typeof report.procedures).toBe('number');
  });

  it('lists the scanners the drivers find (the SANE test backend here)', () => {
    const dataDir = tempDir();
    const sane = path.resolve(import.meta.dirname, '..', 'fixtures', 'sane');
    const run = motcua(['doctor', '--json', '--data-dir', dataDir], { SANE_CONFIG_DIR: sane, MOTCUA_ESCL_DISCOVER: '0' });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { scanners: { id: string; backend: string }[]; checks: { name: string; ok: boolean }[] };
    expect(report.scanners.length).toBeGreaterThan(0);
    expect(report.scanners[0]).toMatchObject({ id: expect.stringMatching(/^sane:test:/), backend: 'sane' });
    expect(report.checks).toContainEqual(expect.objectContaining({ name: 'scanners', ok: true }));
  });

  it('takes the data directory from MOTCUA_DATA_DIR and prints text without --json', () => {
    const dataDir = tempDir();
    const run = motcua(['doctor'], { MOTCUA_DATA_DIR: dataDir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(dataDir);
    expect(run.stdout).toMatch(/SQLite\s+3\./);
  });

  it('refuses a database from a newer version: exit 1, error[DB_FROM_FUTURE] in both languages, JSON error document', () => {
    const dataDir = tempDir();
    const db = new Database(databaseFile(dataDir));
    db.pragma('user_version = 999');
    db.close();
    const run = motcua(['doctor', '--json', '--data-dir', dataDir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error\[DB_FROM_FUTURE\]: .*phiên bản mới hơn.* \| .*newer version/m);
    const doc = JSON.parse(run.stdout) as { error: { code: string; message: string; details: Record<string, unknown> } };
    expect(doc.error.code).toBe('DB_FROM_FUTURE');
    expect(doc.error.details).toEqual({ found: 999, supported: migrations.length });
  });

  it('answers bad usage with exit 2 and error[USAGE] naming what was wrong', () => {
    const unknown = motcua(['frobnicate', '--data-dir', path.join(tempDir(), 'x')]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^error\[USAGE\]: Lệnh không đúng cách dùng: unknown command 'frobnicate'.* \| Bad usage/m);
    const badLang = motcua(['doctor', '--lang', 'fr', '--json']);
    expect(badLang.status).toBe(2);
    expect(JSON.parse(badLang.stdout)).toMatchObject({ error: { code: 'USAGE' } });
    expect(badLang.stderr).toContain('--lang');
  });
});
