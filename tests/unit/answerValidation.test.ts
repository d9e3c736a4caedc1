import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeFees,
  formatDateVi,
  isShown,
  missingDocuments,
  normalizeAnswers,
  tieredCost,
  validateAnswers,
  type UnitsLookup,
} from '../../electron/contract/answers/index';
import type { Answers, ProcedureDefinition } from '../../electron/contract/procedure';
import { loadAdminUnits } from '../../electron/services/catalogue/adminUnits';
import { loadDefinitions } from '../../electron/services/catalogue/definitions';

const resourcesDir = path.resolve(import.meta.dirname, '..', '..', 'resources');
const today = '2026-11-23';
const units: UnitsLookup = loadAdminUnits(resourcesDir).lookup;
const ctx = { units, today };
const definitions = loadDefinitions(resourcesDir, { today });
const byCode = (code: string): ProcedureDefinition => definitions.find((d) => d.code === code)!;
const khaiSinh = byCode('1.001193');
// Tests edit answer sets freely, as a renderer or a broken client could.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const example = (d: ProcedureDefinition): Loose => structuredClone(d.example) as Loose;
const errorAt = (d: ProcedureDefinition, answers: unknown, at: string) => validateAnswers(d, answers, ctx).find((e) => e.path === at);

describe('errors name the field (path and Vietnamese label)', () => {
  it('an impossible date', () => {
    const answers = { ...example(khaiSinh), childDateOfBirth: '2026-02-30' };
    const error = errorAt(khaiSinh, answers, 'childDateOfBirth');
    expect(error?.message_vi).toBe('Ngày, tháng, năm sinh của trẻ: ngày 30/02/2026 không có thật. Hãy nhập ngày, tháng, năm có thật.');
    expect(error?.message_en).toContain('30/02/2026');
  });

  it('month 13, a malformed date, a date in the future for a past date, a past date for a future one', () => {
    expect(errorAt(khaiSinh, { ...example(khaiSinh), childDateOfBirth: '2025-13-01' }, 'childDateOfBirth')?.message_vi).toContain('01/13/2025 không có thật');
    expect(errorAt(khaiSinh, { ...example(khaiSinh), childDateOfBirth: '2/11/2026' }, 'childDateOfBirth')?.message_vi).toContain('Ngày, tháng, năm sinh của trẻ: hãy nhập đủ ngày, tháng, năm');
    expect(errorAt(khaiSinh, { ...example(khaiSinh), childDateOfBirth: '2026-11-24' }, 'childDateOfBirth')?.message_vi).toContain('ngày 24/11/2026 chưa tới');
    expect(errorAt(khaiSinh, { ...example(khaiSinh), childDateOfBirth: '2026-11-23' }, 'childDateOfBirth')).toBeUndefined();
    const tamTru = byCode('1.004194');
    expect(errorAt(tamTru, { ...example(tamTru), stayUntil: '2026-11-22' }, 'stayUntil')?.message_vi).toContain('đã qua');
    expect(errorAt(khaiSinh, { ...example(khaiSinh), childDateOfBirth: '2024-02-29' }, 'childDateOfBirth')).toBeUndefined();
    expect(errorAt(khaiSinh, { ...example(khaiSinh), childDateOfBirth: '2025-02-29' }, 'childDateOfBirth')).toBeDefined();
  });

  it('an 11-digit CCCD', () => {
    const error = errorAt(khaiSinh, { ...example(khaiSinh), requesterIdNumber: '00109001234' }, 'requesterIdNumber');
    expect(error?.message_vi).toBe('Số định danh cá nhân của người yêu cầu: Số định danh cá nhân phải có đúng 12 chữ số (đang có 11).');
  });

  it('a CCCD with letters, an unknown place code, a birth year still to come', () => {
    expect(errorAt(khaiSinh, { ...example(khaiSinh), requesterIdNumber: '00109001234A' }, 'requesterIdNumber')?.message_vi).toContain('chỉ gồm chữ số');
    expect(errorAt(khaiSinh, { ...example(khaiSinh), requesterIdNumber: '003090012345' }, 'requesterIdNumber')?.message_vi).toContain('3 chữ số đầu (003)');
    expect(errorAt(khaiSinh, { ...example(khaiSinh), requesterIdNumber: '001299012345' }, 'requesterIdNumber')?.message_vi).toContain('năm sinh 2099');
    expect(errorAt(khaiSinh, { ...example(khaiSinh), requesterIdNumber: '079301012345' }, 'requesterIdNumber')).toBeUndefined();
  });

  it('an unknown commune code, and a commune of another province', () => {
    const unknown = errorAt(khaiSinh, { ...example(khaiSinh), requesterAddress: { provinceCode: '01', communeCode: '99999', detail: '' } }, 'requesterAddress.communeCode');
    expect(unknown?.message_vi).toBe('Nơi cư trú của người yêu cầu: Mã xã/phường 99999 không có trong danh mục đơn vị hành chính 2025.');
    const elsewhere = errorAt(khaiSinh, { ...example(khaiSinh), requesterAddress: { provinceCode: '01', communeCode: '16681' } }, 'requesterAddress.communeCode');
    expect(elsewhere?.message_vi).toBe('Nơi cư trú của người yêu cầu: Phường Thành Vinh không thuộc Thành phố Hà Nội. Hãy chọn lại xã/phường.');
    expect(errorAt(khaiSinh, { ...example(khaiSinh), requesterAddress: { provinceCode: '77', communeCode: '00004' } }, 'requesterAddress.provinceCode')?.message_vi).toContain('Mã tỉnh/thành phố 77');
    expect(errorAt(khaiSinh, { ...example(khaiSinh), requesterAddress: { provinceCode: '01' } }, 'requesterAddress.communeCode')?.message_vi).toContain('chưa chọn xã/phường');
  });

  it('inside a group: the item path and the item in the label', () => {
    const answers = example(khaiSinh);
    answers['mother'][0].dateOfBirth = '1995-02-30';
    const error = errorAt(khaiSinh, answers, 'mother[0].dateOfBirth');
    expect(error?.message_vi).toBe('Ngày, tháng, năm sinh (Người mẹ): ngày 30/02/1995 không có thật. Hãy nhập ngày, tháng, năm có thật.');
    const ct01 = byCode('1.004222');
    const withMembers = example(ct01);
    withMembers['members'].push({ fullName: 'Nguyễn Thị Mai', dateOfBirth: '2020-01-01', sex: 'nu', idNumber: '00122000123', relationToHead: 'Cháu' });
    expect(errorAt(ct01, withMembers, 'members[1].idNumber')?.message_vi).toBe('Số định danh cá nhân (Thành viên thứ 2): Số định danh cá nhân phải có đúng 12 chữ số (đang có 11).');
  });
});

describe('the shape of the answers', () => {
  it('refuses unknown keys at the top, in a group item and in an address', () => {
    const answers = example(khaiSinh);
    answers['hackerField'] = 'x';
    answers['mother'][0].shoeSize = 40;
    answers['requesterAddress'] = { ...answers['requesterAddress'], street: 'x' };
    const paths = validateAnswers(khaiSinh, answers, ctx).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['hackerField', 'mother[0].shoeSize', 'requesterAddress.street']));
  });

  it('refuses what is not an answer set', () => {
    for (const input of [null, 'x', 42, [], [{}]]) expect(validateAnswers(khaiSinh, input, ctx)[0]?.path).toBe('(input)');
  });

  it('checks types: a number for text, a string for a number, an option that does not exist, a non-boolean checkbox', () => {
    const ct = byCode('2.000815');
    const answers = { papers: [{ documentType: 42, pages: '3', copies: 1.5 }] };
    const errors = validateAnswers(ct, answers, ctx);
    expect(errors.map((e) => e.path)).toEqual(['papers[0].documentType', 'papers[0].pages', 'papers[0].copies']);
    expect(errorAt(khaiSinh, { ...example(khaiSinh), childSex: 'khac' }, 'childSex')?.message_vi).toContain('Hãy chọn một trong: Nam; Nữ');
    expect(errorAt(khaiSinh, { ...example(khaiSinh), copiesRequested: 'có' }, 'copiesRequested')).toBeDefined();
    expect(errorAt(khaiSinh, { ...example(khaiSinh), commitment: false }, 'commitment')?.message_vi).toContain('chưa đánh dấu');
  });

  it('text length and pattern (with its message)', () => {
    const khaiTu = byCode('1.000656');
    expect(errorAt(khaiTu, { ...example(khaiTu), deathTime: '25:00' }, 'deathTime')?.message_vi).toBe('Giờ chết (giờ:phút): Hãy nhập giờ và phút dạng 14:30.');
    expect(errorAt(khaiTu, { ...example(khaiTu), deathCause: 'x'.repeat(201) }, 'deathCause')?.message_vi).toContain('tối đa 200 ký tự (đang có 201)');
  });

  it('phone numbers: 10 digits from 0 or the +84 form, spaces and dots allowed; e-mail', () => {
    for (const phone of ['0912345678', '0912 345 678', '091.234.5678', '+84912345678', '+84 912 345 678']) {
      expect(errorAt(khaiSinh, { ...example(khaiSinh), phone }, 'phone')).toBeUndefined();
    }
    for (const phone of ['912345678', '09123456789', '+8491234567', '0912-ABC-678']) {
      expect(errorAt(khaiSinh, { ...example(khaiSinh), phone }, 'phone')?.message_vi).toContain('Số điện thoại liên hệ: số điện thoại cần có 10 chữ số');
    }
    expect(errorAt(khaiSinh, { ...example(khaiSinh), email: 'an@example.com' }, 'email')).toBeUndefined();
    expect(errorAt(khaiSinh, { ...example(khaiSinh), email: 'an@example' }, 'email')).toBeDefined();
  });
});

describe('conditions', () => {
  it('a hidden required question is not required (showIf false)', () => {
    const answers = example(khaiSinh);
    answers['parentsMarried'] = 'khong';
    for (const key of ['marriageCertNumber', 'marriageCertBook', 'marriageCertDate', 'marriageCertPlace']) delete answers[key];
    expect(validateAnswers(khaiSinh, answers, ctx)).toEqual([]);
    answers['parentsMarried'] = 'co';
    expect(validateAnswers(khaiSinh, answers, ctx).map((e) => e.path)).toEqual(['marriageCertNumber', 'marriageCertDate', 'marriageCertPlace']);
  });

  it('a hidden group is not required: an abandoned child has no parents block', () => {
    const answers = example(khaiSinh);
    answers['birthCase'] = 'bo_roi';
    delete answers['mother'];
    delete answers['father'];
    delete answers['birthProof'];
    expect(validateAnswers(khaiSinh, answers, ctx)).toEqual([]);
  });

  it('with a số định danh, date of birth and residence become optional (requiredIf)', () => {
    const answers = example(khaiSinh);
    delete answers['requesterDateOfBirth'];
    delete answers['requesterAddress'];
    answers['mother'][0] = { fullName: 'Trần Thị Bình', idNumber: '001195023456' };
    expect(validateAnswers(khaiSinh, answers, ctx)).toEqual([]);
    delete answers['requesterIdNumber'];
    answers['mother'][0] = { fullName: 'Trần Thị Bình' };
    expect(validateAnswers(khaiSinh, answers, ctx).map((e) => e.path)).toEqual([
      'requesterOtherId',
      'requesterDateOfBirth',
      'requesterAddress',
      'mother[0].dateOfBirth',
      'mother[0].ethnicity',
      'mother[0].nationality',
      'mother[0].address',
    ]);
  });

  it('isShown evaluates equals / in / notEmpty / all / any / not / moreThanDaysAgo', () => {
    const answers: Answers = { a: 'x', n: 3, d: '2026-09-01', e: '' };
    expect(isShown({ question: 'a', equals: 'x' }, answers, today)).toBe(true);
    expect(isShown({ question: 'n', in: [1, 3] }, answers, today)).toBe(true);
    expect(isShown({ question: 'e', notEmpty: true }, answers, today)).toBe(false);
    expect(isShown({ all: [{ question: 'a', equals: 'x' }, { not: { question: 'e', notEmpty: true } }] }, answers, today)).toBe(true);
    expect(isShown({ any: [{ question: 'a', equals: 'y' }, { question: 'missing', notEmpty: true }] }, answers, today)).toBe(false);
    expect(isShown({ question: 'd', moreThanDaysAgo: 60 }, answers, today)).toBe(true); // 83 days
    expect(isShown({ question: 'd', moreThanDaysAgo: 83 }, answers, today)).toBe(false);
    expect(isShown({ question: 'a', moreThanDaysAgo: 1 }, answers, today)).toBe(false);
    expect(isShown(undefined, answers)).toBe(true);
  });
});

describe('groups: minItems / maxItems', () => {
  const ct = byCode('2.000815');
  it('needs at least one paper, at most twenty', () => {
    expect(errorAt(ct, { papers: [] }, 'papers')?.message_vi).toBe('Giấy tờ cần chứng thực bản sao: cần ít nhất 1 giấy tờ (đang có 0).');
    expect(errorAt(ct, {}, 'papers')).toBeDefined();
    const many = Array.from({ length: 21 }, () => ({ documentType: 'Giấy khai sinh', pages: 1, copies: 1 }));
    expect(errorAt(ct, { papers: many }, 'papers')?.message_vi).toBe('Giấy tờ cần chứng thực bản sao: tối đa 20 giấy tờ (đang có 21).');
    expect(errorAt(ct, { papers: 'x' }, 'papers')?.message_vi).toContain('cần là một danh sách');
  });
  it('an optional group may be empty, but not over its maximum', () => {
    const answers = example(khaiSinh);
    delete answers['father'];
    expect(validateAnswers(khaiSinh, answers, ctx)).toEqual([]);
    answers['father'] = [example(khaiSinh)['father'][0], example(khaiSinh)['father'][0]];
    expect(errorAt(khaiSinh, answers, 'father')?.message_vi).toContain('tối đa 1');
  });
});

describe('normalizeAnswers', () => {
  it('NFD input comes out NFC, trimmed, single-spaced; CCCD and phone without separators', () => {
    const nfdName = '  Nguye\u0302\u0303n   Va\u0306n  An '.normalize('NFD');
    const answers = normalizeAnswers(khaiSinh, {
      requesterFullName: nfdName,
      requesterIdNumber: ' 001 090 012 345 ',
      phone: '0912.345.678',
      childHometown: 'Ha\u0300 No\u0302\u0323i\u200B',
      requesterAddress: { provinceCode: ' 01 ', communeCode: '00004', detail: ' So\u0302\u0301 12 ' },
      mother: [{ fullName: 'Tra\u0302\u0300n Thi\u0323 Bi\u0300nh' }],
      unknownKey: 'Đ\u0301',
    });
    expect(answers['requesterFullName']).toBe('Nguyễn Văn An');
    expect(answers['requesterFullName']).toBe((answers['requesterFullName'] as string).normalize('NFC'));
    expect(answers['requesterIdNumber']).toBe('001090012345');
    expect(answers['phone']).toBe('0912345678');
    expect(answers['childHometown']).toBe('Hà Nội');
    expect(answers['requesterAddress']).toEqual({ provinceCode: '01', communeCode: '00004', detail: 'Số 12' });
    expect((answers['mother'] as Answers[])[0]!['fullName']).toBe('Trần Thị Bình');
    expect(answers['unknownKey']).toBe('Đ\u0301'.normalize('NFC'));
  });

  it('every example is already normalised', () => {
    for (const d of definitions) expect(normalizeAnswers(d, d.example)).toEqual(d.example);
  });

  it('does not touch the input', () => {
    const input = { requesterFullName: ' An ' };
    normalizeAnswers(khaiSinh, input);
    expect(input.requesterFullName).toBe(' An ');
  });
});

describe('documents and fees', () => {
  it('missingDocuments lists required submitted papers whose condition holds and that are not attached', () => {
    expect(missingDocuments(khaiSinh, khaiSinh.example, []).map((d) => d.kind)).toEqual(['giayChungSinh']);
    expect(missingDocuments(khaiSinh, khaiSinh.example, ['giayChungSinh'])).toEqual([]);
    const witness = { ...example(khaiSinh), birthProof: 'nguoi_lam_chung', relationship: 'uy_quyen' };
    expect(missingDocuments(khaiSinh, witness, []).map((d) => d.kind)).toEqual(['vanBanNguoiLamChung', 'vanBanUyQuyen']);
    const electronic = { ...example(khaiSinh), birthProof: 'chung_sinh_dien_tu' };
    expect(missingDocuments(khaiSinh, electronic, [])).toEqual([]);
  });

  it('chứng thực bản sao: 2.000 đ/trang, 1.000 đ from page 3, at most 200.000 đ per copy, times copies', () => {
    expect(tieredCost(1, [{ fromUnit: 1, amountVndPerUnit: 2000 }, { fromUnit: 3, amountVndPerUnit: 1000 }])).toBe(2000);
    expect(tieredCost(5, [{ fromUnit: 1, amountVndPerUnit: 2000 }, { fromUnit: 3, amountVndPerUnit: 1000 }])).toBe(7000);
    const ct = byCode('2.000815');
    const quote = computeFees(ct, { papers: [{ documentType: 'Bằng', pages: 1, copies: 3 }, { documentType: 'Sổ đỏ', pages: 4, copies: 2 }, { documentType: 'Hồ sơ', pages: 500, copies: 2 }] }, 'in_person');
    expect(quote.totalVnd).toBe(6000 + 12000 + 400000);
    expect(quote.hasUnknownAmounts).toBe(false);
  });

  it('khai sinh is free on time; late, the province’s fee applies and is flagged as unknown here', () => {
    const onTime = computeFees(khaiSinh, { ...example(khaiSinh), copiesRequested: false }, 'in_person', today);
    expect(onTime).toMatchObject({ totalVnd: 0, hasUnknownAmounts: false });
    const late = computeFees(khaiSinh, { ...example(khaiSinh), childDateOfBirth: '2026-08-01', copiesRequested: false }, 'in_person', today);
    expect(late.lines.map((l) => l.amountSource)).toEqual(['provincial_council']);
    expect(late.hasUnknownAmounts).toBe(true);
  });

  it('cư trú fees depend on the channel', () => {
    const tt = byCode('1.004222');
    expect(computeFees(tt, tt.example, 'in_person').totalVnd).toBe(20000);
    expect(computeFees(tt, tt.example, 'online').totalVnd).toBe(10000);
  });

  it('dates are shown as dd/mm/yyyy', () => {
    expect(formatDateVi('2026-02-03')).toBe('03/02/2026');
  });
});

describe('property: validateAnswers never throws', () => {
  it.each(definitions.map((d) => [d.code, d] as const))('%s, on arbitrary JSON and on damaged examples', (_code, definition) => {
    const ids = definition.steps.flatMap((s) => s.questions.map((q) => q.id));
    const anyJson = fc.jsonValue();
    fc.assert(
      fc.property(anyJson, (value) => {
        expect(Array.isArray(validateAnswers(definition, value, ctx))).toBe(true);
        expect(() => normalizeAnswers(definition, value as Answers)).not.toThrow();
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...ids), anyJson), fc.constantFrom(...ids), anyJson, (answers, key, value) => {
        const damaged = { ...structuredClone(definition.example), ...answers, [key]: value };
        const errors = validateAnswers(definition, damaged, ctx);
        for (const e of errors) expect(typeof e.message_vi).toBe('string');
        missingDocuments(definition, damaged as Answers, []);
        computeFees(definition, damaged as Answers, 'in_person', today);
      }),
      { numRuns: 150 },
    );
  });
});
