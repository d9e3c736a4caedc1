import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../electron/contract/errors';
import { createServices } from '../../electron/services/createServices';
import { createLogger } from '../../electron/services/logger';
import { motcua } from '../support/cli';
import { tempDir } from '../support/tempDir';

const resources = path.resolve(import.meta.dirname, '..', '..', 'resources');
const ctx = { transport: 'test' };

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

describe('finding a resident’s drafts by CCCD number', () => {
  it('matches the requester’s and a parent’s number through a keyed hash, follows edits, and stores no number', async () => {
    const dataDir = tempDir();
    const services = createServices({ dataDir, resourcesDir: resources, appVersion: 't', logger: createLogger(undefined, 'silent') });
    try {
      const example = services.catalogue.get('1.001193').example;
      const save = async (answers: Record<string, unknown>, id?: string) =>
        value<{ id: string }>(await services.router.handle('drafts.save', { procedureCode: '1.001193', mode: 'counter', answers, ...(id ? { id } : {}) }, ctx)).id;
      const list = async (idNumber?: string) =>
        value<{ drafts: { id: string }[] }>(await services.router.handle('drafts.list', idNumber ? { idNumber } : {}, ctx)).drafts.map((d) => d.id).sort();

      const first = await save({ ...example, requesterIdNumber: '001190012345' });
      const mother = (example.mother as Record<string, unknown>[])[0]!;
      const second = await save({ ...example, requesterIdNumber: '079085000111', mother: [{ ...mother, idNumber: '001190012345' }] });
      const third = await save({ ...example, requesterIdNumber: '079085000222' });

      expect(await list('001190012345')).toEqual([first, second].sort());
      expect(await list('079085000222')).toEqual([third]);
      expect(await list('092099000333')).toEqual([]);
      expect(await list()).toHaveLength(3);

      // An edit moves the draft to its new number; the old one no longer finds it.
      await save({ ...example, requesterIdNumber: '092099000333' }, third);
      expect(await list('079085000222')).toEqual([]);
      expect(await list('092099000333')).toEqual([third]);

      // The index holds HMACs only.
      const stored = services.db.prepare('SELECT id_hash FROM id_number_index').pluck().all() as string[];
      expect(stored.length).toBeGreaterThanOrEqual(4);
      for (const hash of stored) expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(stored)).not.toContain('001190012345');

      // A malformed number is named, in both languages.
      const bad = await services.router.handle('drafts.list', { idNumber: '0011900123' }, ctx);
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { errors: [{ path: 'idNumber', message_vi: 'Số CCCD phải gồm đúng 12 chữ số.' }] } } });
    } finally {
      services.close();
    }
  });

  it('works from the CLI: `drafts list --cccd`', () => {
    const dataDir = tempDir();
    const services = createServices({ dataDir, resourcesDir: resources, appVersion: 't', logger: createLogger(undefined, 'silent') });
    const example = services.catalogue.get('1.001193').example;
    const { id } = services.drafts.save({ procedureCode: '1.001193', mode: 'counter', answers: { ...example, requesterIdNumber: '001190012345' } });
    services.close();
    const found = motcua(['--data-dir', dataDir, '--json', 'drafts', 'list', '--cccd', '001190012345']);
    expect(found.status, found.stderr).toBe(0);
    expect((JSON.parse(found.stdout) as { drafts: { id: string }[] }).drafts.map((d) => d.id)).toEqual([id]);
    const bad = motcua(['--data-dir', dataDir, 'drafts', 'list', '--cccd', '12']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/idNumber/);
  });
});
