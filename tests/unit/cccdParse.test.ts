import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cccdPlaceCodes } from '../../electron/contract/answers/cccd';
import { formatCccdQr, parseCccdQr, type CccdData } from '../../electron/contract/cccd/index';

const today = '2026-12-01';
const fixturesDir = path.resolve(import.meta.dirname, '..', 'fixtures', 'cccd');

interface Fixture {
  name: string;
  text: string;
  expected: { ok: true; value: CccdData } | { ok: false; field: string; problem: string };
}
const fixtures: Fixture[] = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(path.join(fixturesDir, f), 'utf8')) as Fixture[]);

describe('CCCD QR fixtures', () => {
  it('hold at least 30 texts, valid and broken', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
    expect(fixtures.filter((f) => f.expected.ok).length).toBeGreaterThanOrEqual(10);
    expect(fixtures.filter((f) => !f.expected.ok).length).toBeGreaterThanOrEqual(10);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const result = parseCccdQr(fixture.text, { today });
    if (fixture.expected.ok) {
      expect(result).toEqual({ ok: true, value: fixture.expected.value });
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect({ field: result.error.field, problem: result.error.problem }).toEqual({ field: fixture.expected.field, problem: fixture.expected.problem });
    }
  });
});

describe('parseCccdQr', () => {
  it('names the field in both languages', () => {
    const result = parseCccdQr('001090012345|012345678|Nguyễn Văn An|30021990|Nam||', { today });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message_vi).toContain('Ngày sinh');
    expect(result.error.message_en).toContain('Date of birth');
    expect(result.error.message_en).toContain('DDMMYYYY');
  });

  it('returns NFC text for NFD input', () => {
    const result = parseCccdQr('001090012345||Nguyễn Văn An|15031990|Nam|Hà Nội|'.normalize('NFD'), { today });
    expect(result.ok && result.value.fullName).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(result.ok && result.value.address === 'Hà Nội'.normalize('NFC')).toBe(true);
  });
});

/** A card consistent with itself: place code, gender/century digit and birth year agree. */
const cardArbitrary: fc.Arbitrary<CccdData> = fc
  .record({
    place: fc.constantFrom(...cccdPlaceCodes),
    sex: fc.constantFrom('male' as const, 'female' as const),
    birth: fc.date({ min: new Date('1925-01-01T00:00:00Z'), max: new Date('2026-11-30T00:00:00Z'), noInvalidDate: true }),
    issuedDaysAfterBirth: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: null }),
    random: fc.stringMatching(/^\d{6}$/),
    old: fc.option(fc.stringMatching(/^\d{9}$/), { nil: null }),
    name: fc.array(fc.constantFrom('Nguyễn', 'Trần', 'Lê', 'Thị', 'Văn', 'Hoà', 'Ngọc', 'Ánh', 'Đức', 'Ỷ', 'NGUYEN', "H'Hen", 'Niê'), { minLength: 1, maxLength: 5 }),
    address: fc.option(fc.string({ unit: fc.constantFrom('a', 'Ấ', ' ', ',', '1', 'ư', 'Đ', '/', '-'), minLength: 1, maxLength: 80 }).map((s) => s.replace(/\s+/g, ' ').trim()), { nil: null }),
  })
  .map(({ place, sex, birth, issuedDaysAfterBirth, random, old, name, address }) => {
    const dateOfBirth = birth.toISOString().slice(0, 10);
    const year = Number(dateOfBirth.slice(0, 4));
    const digit = (Math.floor(year / 100) - 19) * 2 + (sex === 'female' ? 1 : 0);
    const issued = issuedDaysAfterBirth === null ? null : new Date(birth.getTime() + issuedDaysAfterBirth * 86_400_000).toISOString().slice(0, 10);
    return {
      idNumber: `${place}${digit}${dateOfBirth.slice(2, 4)}${random}`,
      oldIdNumber: old,
      fullName: name.join(' '),
      dateOfBirth,
      sex,
      address: address === '' ? null : address,
      issueDate: issued !== null && issued <= today ? issued : null,
    };
  });

describe('parseCccdQr properties', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(fc.string(), { maxLength: 10 }).map((a) => a.join('|')), fc.anything()), (input) => {
        const result = parseCccdQr(input, { today });
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.message_vi.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on a valid card with one field replaced by anything', () => {
    fc.assert(
      fc.property(cardArbitrary, fc.integer({ min: 0, max: 8 }), fc.string({ unit: 'binary', maxLength: 40 }), (card, index, junk) => {
        const parts = formatCccdQr(card).split('|');
        parts[index] = junk;
        const result = parseCccdQr(parts.join('|'), { today });
        if (result.ok) {
          // Whatever got through is NFC and consistent with itself.
          expect(result.value.fullName).toBe(result.value.fullName.normalize('NFC'));
          expect(result.value.idNumber).toMatch(/^\d{12}$/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back what it writes (round trip), also as NFD with CR/LF', () => {
    fc.assert(
      fc.property(cardArbitrary, fc.boolean(), fc.constantFrom('', '\r\n', '\n', '\r'), (card, asNfd, ending) => {
        const text = formatCccdQr(card);
        expect(parseCccdQr((asNfd ? text.normalize('NFD') : text) + ending, { today })).toEqual({ ok: true, value: card });
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a card whose sex contradicts the number', () => {
    fc.assert(
      fc.property(cardArbitrary, (card) => {
        const flipped = { ...card, sex: card.sex === 'male' ? ('female' as const) : ('male' as const) };
        const result = parseCccdQr(formatCccdQr(flipped), { today });
        expect(result.ok === false && result.error.field).toBe('sex');
      }),
      { numRuns: 300 },
    );
  });
});
