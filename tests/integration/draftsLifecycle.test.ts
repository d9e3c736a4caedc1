import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Draft, ValidationReport } from '../../electron/contract/drafts';
import type { Result } from '../../electron/contract/errors';
import { createServices } from '../../electron/services/createServices';
import { createLogger } from '../../electron/services/logger';
import { tempDir } from '../support/tempDir';

const resources = path.resolve(import.meta.dirname, '..', '..', 'resources');
const ctx = { transport: 'test' };

function open(dataDir: string, resourcesDir = resources, now?: () => Date) {
  return createServices({ dataDir, resourcesDir, appVersion: 't', logger: createLogger(undefined, 'silent'), ...(now ? { now } : {}) });
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

/** A copy of resources/ whose 1.001193 definition is edited by `change`. */
function resourcesWith(change: (definition: Record<string, unknown>) => void): string {
  const dir = tempDir('motcua-resources-');
  fs.cpSync(resources, dir, { recursive: true });
  const file = path.join(dir, 'procedures', '1.001193.json');
  const definition = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(definition);
  fs.writeFileSync(file, JSON.stringify(definition));
  return dir;
}

describe('drafts', () => {
  it('are carried to a newer definition version, keeping the answers that still apply', async () => {
    const dataDir = tempDir();
    const before = open(dataDir);
    const example = before.catalogue.get('1.001193').example;
    const { id } = value<{ id: string }>(await before.router.handle('drafts.save', { procedureCode: '1.001193', mode: 'counter', answers: example }, ctx));
    before.close();

    // Version 2 of the definition drops the "childHometown" question.
    const newer = resourcesWith((d) => {
      d.version = '2027.1';
      const steps = d.steps as { questions: { id: string }[] }[];
      for (const step of steps) step.questions = step.questions.filter((q) => q.id !== 'childHometown');
      const form = d.form as { sections: { fields: { answer: string }[] }[] };
      for (const section of form.sections) section.fields = section.fields.filter((f) => !f.answer.startsWith('childHometown'));
      d.example = Object.fromEntries(Object.entries(d.example as Record<string, unknown>).filter(([k]) => k !== 'childHometown'));
    });
    const after = open(dataDir, newer);
    const draft = value<Draft>(await after.router.handle('drafts.get', { id }, ctx));
    expect(draft.definitionVersion).toBe('2027.1');
    expect(draft.answers.childHometown).toBeUndefined();
    expect(draft.answers.requesterFullName).toBe(example.requesterFullName);
    // The dropped answer is kept beside the draft, not lost.
    expect(after.drafts.retiredAnswers(id)).toEqual({ childHometown: example.childHometown });
    const stored = after.db.prepare('SELECT retired_json FROM drafts WHERE id = ?').pluck().get(id) as string;
    expect(stored).toMatch(/^enc1:/);
    const report = value<ValidationReport>(await after.router.handle('drafts.validate', { id }, ctx));
    expect(report.errors).toEqual([]);
    after.close();
  });

  it('resume at the kiosk needs both the retrieval code and the date of birth', async () => {
    const services = open(tempDir());
    const example = services.catalogue.get('1.001193').example;
    const saved = value<{ id: string; retrievalCode: string }>(await services.router.handle('drafts.save', { procedureCode: '1.001193', mode: 'kiosk', answers: example }, ctx));
    expect(saved.retrievalCode).toMatch(/^[3-9A-Y]{8}$/);
    const dob = example.requesterDateOfBirth as string;
    const typedLoosely = saved.retrievalCode.toLowerCase().replace(/(....)/, '$1-');
    expect(value<Draft>(await services.router.handle('drafts.resume', { retrievalCode: typedLoosely, dateOfBirth: dob }, ctx)).id).toBe(saved.id);
    const wrongDob = await services.router.handle('drafts.resume', { retrievalCode: saved.retrievalCode, dateOfBirth: '2000-01-01' }, ctx);
    expect(!wrongDob.ok && wrongDob.error.code).toBe('NOT_FOUND');
    const counter = value<{ retrievalCode: string | null }>(await services.router.handle('drafts.save', { procedureCode: '1.001193', mode: 'counter', answers: {} }, ctx));
    expect(counter.retrievalCode).toBeNull();
    services.close();
  });

  it('gives the expected result date in working days, skipping the days off', async () => {
    // Received Friday 13 Feb 2026, 09:00 Vietnam time; Tết runs 16–20 Feb: 3 working days → Wed 25 Feb.
    const services = open(tempDir(), resources, () => new Date('2026-02-13T02:00:00Z'));
    const example = services.catalogue.get('1.004194').example;
    const { id } = value<{ id: string }>(await services.router.handle('drafts.save', { procedureCode: '1.004194', mode: 'counter', answers: example }, ctx));
    const report = value<ValidationReport>(await services.router.handle('drafts.validate', { id }, ctx));
    expect(services.catalogue.get('1.004194').processing.workingDays).toBe(3);
    expect(report.expectedResultDate).toBe('2026-02-25');
    services.close();
  });
});
