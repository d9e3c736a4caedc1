import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, describe, expect, it } from 'vitest';
import { procedureJsonSchemaText, schemaFile } from '../../scripts/generate-procedure-schema';
import { validateAnswers } from '../../electron/contract/answers/index';
import { procedureDefinitionSchema, type ProcedureDefinition } from '../../electron/contract/procedure';
import { loadAdminUnits } from '../../electron/services/catalogue/adminUnits';
import { DefinitionError, loadDefinitions } from '../../electron/services/catalogue/definitions';

const resourcesDir = path.resolve(import.meta.dirname, '..', '..', 'resources');
const proceduresDir = path.join(resourcesDir, 'procedures');
const today = '2026-11-23';
const units = loadAdminUnits(resourcesDir).lookup;

const expectedCodes = ['1.001193', '1.000689', '1.004884', '1.000894', '1.000656', '1.004873', '2.000635', '2.000815', '2.000884', '1.004222', '1.004194', '3.000722'];
const definitionFiles = fs.readdirSync(proceduresDir).filter((f) => f.endsWith('.json') && f !== 'procedure.schema.json');
// Tests break definitions on purpose, so they handle them as loose JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const raw = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(proceduresDir, file), 'utf8')) as Record<string, unknown>;

describe('procedure definitions in resources/procedures', () => {
  const definitions = loadDefinitions(resourcesDir, { today });

  it('all load, one per expected code, file named after the code', () => {
    expect(definitions.map((d) => d.code).sort()).toEqual([...expectedCodes].sort());
    expect(definitionFiles.sort()).toEqual(expectedCodes.map((c) => `${c}.json`).sort());
  });

  it.each(expectedCodes)('%s: its example answer set passes its own validation', (code) => {
    const definition = definitions.find((d) => d.code === code)!;
    expect(validateAnswers(definition, definition.example, { units, today })).toEqual([]);
  });

  it.each(definitionFiles)('%s is stored NFC, and names its sources', (file) => {
    const text = fs.readFileSync(path.join(proceduresDir, file), 'utf8');
    expect(text).toBe(text.normalize('NFC'));
    expect((raw(file)['sources'] as string[]).length).toBeGreaterThan(0);
  });

  it('the requester of khai sinh can be filled from the CCCD QR', () => {
    const ks = definitions.find((d) => d.code === '1.001193')!;
    const fields = ks.steps.flatMap((s) => s.questions).map((q) => q.cccdField).filter(Boolean);
    expect(fields).toEqual(expect.arrayContaining(['idNumber', 'fullName', 'dateOfBirth', 'address']));
  });

  it('models the late-registration fee as a condition, and chứng thực bản sao per page', () => {
    const ks = definitions.find((d) => d.code === '1.001193')!;
    expect(ks.fees.find((f) => f.amountSource === 'provincial_council')?.appliesIf).toEqual({ question: 'childDateOfBirth', moreThanDaysAgo: 60 });
    const ct = definitions.find((d) => d.code === '2.000815')!;
    expect(ct.fees[0]?.perUnit).toMatchObject({ maxVndPerTime: 200000, tiers: [{ fromUnit: 1, amountVndPerUnit: 2000 }, { fromUnit: 3, amountVndPerUnit: 1000 }] });
    expect(ct.processing.sameDayCutoff).toBe('15:00');
    const tt = definitions.find((d) => d.code === '1.004222')!;
    expect(tt.fees.map((f) => [f.channel, f.amountVnd])).toEqual([
      ['in_person', 20000],
      ['online', 10000],
    ]);
  });
});

describe('procedure.schema.json', () => {
  it('equals what scripts/generate-procedure-schema.ts generates now', () => {
    expect(fs.readFileSync(schemaFile, 'utf8')).toBe(procedureJsonSchemaText());
  });

  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);

  it('is a draft 2020-12 schema', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(definitionFiles)('%s validates against the committed JSON Schema (ajv) and the zod schema', (file) => {
    const definition = raw(file);
    const ok = validate(definition);
    expect(ok ? [] : validate.errors).toEqual([]);
    expect(procedureDefinitionSchema.safeParse(definition).success).toBe(true);
  });

  it('rejects what zod rejects (an unknown top-level key, a bad code)', () => {
    const definition = raw('1.001193.json');
    expect(validate({ ...definition, colour: 'red' })).toBe(false);
    expect(validate({ ...definition, code: '1.1193' })).toBe(false);
  });
});

describe('loadDefinitions refuses a broken definition with a clear error', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-procedures-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function loadBroken(name: string, edit: (d: Loose) => void): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(path.join(dir, 'procedures'), { recursive: true });
    const definition: Loose = raw('1.001193.json');
    edit(definition);
    const fileName = typeof definition['__fileName'] === 'string' ? definition['__fileName'] : '1.001193.json';
    delete definition['__fileName'];
    fs.writeFileSync(path.join(dir, 'procedures', fileName), JSON.stringify(definition));
    try {
      loadDefinitions(dir, { units, today });
    } catch (error) {
      expect(error).toBeInstanceOf(DefinitionError);
      return (error as Error).message;
    }
    throw new Error('expected the definition to be refused');
  }

  it('names the file and the zod path of a format error', () => {
    const message = loadBroken('format', (d) => {
      d.steps[1].questions[0].type = 'colour';
    });
    expect(message).toContain('1.001193.json');
    expect(message).toContain('steps[1].questions[0]');
  });

  it('file name must be the code', () => {
    expect(loadBroken('name', (d) => (d.__fileName = '1.001194.json'))).toContain('file name must be 1.001193.json');
  });

  it('duplicate question ids, dangling conditions, bad form paths, duplicate document kinds', () => {
    const message = loadBroken('refs', (d) => {
      d.steps[1].questions.push({ ...d.steps[1].questions[0] });
      d.steps[0].questions[1].showIf = { question: 'nope', equals: 'x' };
      d.fees[0].appliesIf = { question: 'gone', notEmpty: true };
      d.form.sections[0].fields.push({ label: 'X', answer: 'mother[3].fullName' }, { label: 'Y', answer: 'childFullName[0].x' });
      d.documents.push({ ...d.documents[0] });
      d.documents[1].requiredIf = { question: 'missing', equals: 'x' };
    });
    expect(message).toContain('question id "requesterFullName" is used twice');
    expect(message).toContain('names question "nope"');
    expect(message).toContain('names question "gone"');
    expect(message).toContain('names question "missing"');
    expect(message).toContain('index 3 is beyond maxItems 1');
    expect(message).toContain('"childFullName" is not a group');
    expect(message).toContain('document kind "toKhaiKhaiSinh" is listed twice');
  });

  it('a file question must name a document of the procedure', () => {
    const message = loadBroken('file', (d) => {
      d.steps[0].questions.push({ id: 'scan', type: 'file', label: 'Bản chụp', documentKind: 'khongCo', required: false });
    });
    expect(message).toContain('documentKind "khongCo"');
  });

  it('the example must pass the definition’s own validation', () => {
    const message = loadBroken('example', (d) => {
      d.example.childDateOfBirth = '2026-02-30';
    });
    expect(message).toContain('example: childDateOfBirth');
  });
});

describe('every definition has what a counter needs', () => {
  const definitions: ProcedureDefinition[] = loadDefinitions(resourcesDir, { today });
  it.each(expectedCodes)('%s: names, agency, legal basis, keywords, synonyms, form', (code) => {
    const d = definitions.find((x) => x.code === code)!;
    expect(d.name.length).toBeLessThan(d.officialName.length + 1);
    expect(d.legalBasis.length).toBeGreaterThan(0);
    expect(d.keywords.length).toBeGreaterThan(2);
    expect(d.synonyms.length).toBeGreaterThan(2);
    expect(d.form.sections.length).toBeGreaterThan(0);
    expect(['commune_people_committee', 'commune_police']).toContain(d.agency.kind);
  });
});
