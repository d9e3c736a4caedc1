import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ContractError } from '../../electron/contract/errors';
import { backupDatabase } from '../../electron/db/backup';
import { openDatabase } from '../../electron/db/connection';
import { migrate, schemaVersion } from '../../electron/db/migrate';
import type { Migration } from '../../electron/db/migration';
import { migrations } from '../../electron/db/migrations';
import { tempDir } from '../support/tempDir';

describe('database', () => {
  it('opens with WAL, synchronous=FULL and foreign keys, and reports integrity', () => {
    const file = path.join(tempDir(), 'a.sqlite');
    const { db, integrity, schemaVersion: version } = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(integrity).toBe('ok');
    expect(version).toBe(migrations.length);
    db.close();
  });

  it('upgrades a database written by an older version and keeps its data', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    // The database as version 1 of the app left it.
    const old = new Database(file);
    migrate(old, migrations.slice(0, 1));
    old.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('unitName', '\"UBND xã Tân Phú\"', '2026-01-01T00:00:00Z')").run();
    expect(schemaVersion(old)).toBe(1);
    old.close();

    const { db, migratedFrom, schemaVersion: version } = openDatabase(file);
    expect(migratedFrom).toBe(1);
    expect(version).toBe(migrations.length);
    expect(db.prepare("SELECT value_json FROM settings WHERE key = 'unitName'").pluck().get()).toBe('"UBND xã Tân Phú"');
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'app_runs'").pluck().get()).toBe(1);
    db.close();
  });

  it('refuses a database from a newer version with a clear error and leaves it untouched', () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const future = new Database(file);
    future.pragma(`user_version = ${migrations.length + 5}`);
    future.exec('CREATE TABLE something_new (x)');
    future.close();
    const before = fs.readFileSync(file);

    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContractError);
    const e = error as ContractError;
    expect(e.code).toBe('DB_FROM_FUTURE');
    expect(e.message_vi).toContain('phiên bản mới hơn');
    expect(e.message_en).toContain('newer version');
    expect(e.details).toEqual({ found: migrations.length + 5, supported: migrations.length });
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(migrations.length + 5);
    check.close();
    expect(fs.readFileSync(file).subarray(100).equals(before.subarray(100))).toBe(true);
  });

  it('rolls a failing migration back completely, keeping the last complete step', () => {
    const db = new Database(':memory:');
    const failing: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE one (x)') },
      {
        version: 2,
        name: 'two',
        up: (d) => {
          d.exec('CREATE TABLE two (x)');
          throw new Error('disk full');
        },
      },
    ];
    expect(() => migrate(db, failing)).toThrow('disk full');
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'two'").pluck().get()).toBe(0);
    expect(() => migrate(db, [failing[0]!, { ...failing[0]!, version: 3 }])).toThrow(/expected 2/);
  });

  it('refuses to start on a damaged database', () => {
    const file = path.join(tempDir(), 'bad.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x);');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(50)}`);
    db.close();
    // Scribble over the middle of the file: pages of the table and index no longer agree.
    const bytes = fs.readFileSync(file);
    const start = Math.floor(bytes.length / 2);
    bytes.fill(0x41, start, start + 8192);
    fs.writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }));
  });

  it('backs up online into a complete copy, never a partial file', async () => {
    const dir = tempDir();
    const { db } = openDatabase(path.join(dir, 'live.sqlite'));
    db.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('language', '\"vi\"', 'now')").run();
    const target = path.join(dir, 'backup.sqlite');
    const result = await backupDatabase(db, target);
    expect(result.bytes).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare("SELECT value_json FROM settings WHERE key = 'language'").pluck().get()).toBe('"vi"');
    expect(copy.pragma('user_version', { simple: true })).toBe(migrations.length);
    copy.close();
    await expect(backupDatabase(db, path.join(dir, 'missing-folder', 'x.sqlite'))).rejects.toThrow();
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
    db.close();
  });
});

describe('database that is not a database', () => {
  it('refuses a file that is not SQLite at all', () => {
    const file = path.join(tempDir(), 'text.sqlite');
    fs.writeFileSync(file, 'this is not a database, '.repeat(200));
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }));
    expect(fs.readFileSync(file, 'utf8').startsWith('this is not a database')).toBe(true);
  });
});
