import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedFill, parseCccdQr, planCccdFill, type CccdData, type CccdFillTarget } from '../../electron/contract/cccd/index';
import type { ProcedureDefinition } from '../../electron/contract/procedure';
import { loadDefinitions } from '../../electron/services/catalogue/definitions';

const today = '2026-12-01';
const definitions = loadDefinitions(path.resolve(import.meta.dirname, '..', '..', 'resources'), { today });
const byCode = (code: string): ProcedureDefinition => definitions.find((d) => d.code === code)!;
const card = ((r) => (r.ok ? r.value : null))(
  parseCccdQr('079195003456|025111222|Trần Thị Bích Ngọc|02111995|Nữ|Ấp 3, Xã Tân Phú, Huyện Châu Thành, Tỉnh Tiền Giang|25042022', { today }),
) as CccdData;

function targetsOf(definition: ProcedureDefinition, stepId: string): CccdFillTarget[] {
  const step = definition.steps.find((s) => s.id === stepId)!;
  return step.questions.flatMap((q) => (q.type === 'group' ? [] : q.cccdField ? [{ path: q.id, question: q }] : []));
}

describe('CCCD auto-fill plan', () => {
  it('every definition with an identity step maps at least the name and ID number', () => {
    const withCccd = definitions.filter((d) => d.steps.some((s) => s.questions.some((q) => q.cccdField || (q.type === 'group' && q.questions.some((g) => g.cccdField)))));
    expect(withCccd.map((d) => d.code)).toContain('1.001193');
    expect(withCccd.length).toBeGreaterThanOrEqual(10);
  });

  it('fills the empty requester step of birth registration, the address as written on the card', () => {
    const targets = targetsOf(byCode('1.001193'), 'requester');
    const answers: Record<string, unknown> = { requesterAddress: { provinceCode: '82', communeCode: '28435' } };
    const items = planCccdFill(targets, (p) => answers[p], card);
    expect(items.map((i) => [i.path, i.action])).toEqual([
      ['requesterFullName', 'fill'],
      ['requesterIdNumber', 'fill'],
      ['requesterDateOfBirth', 'fill'],
      ['requesterAddress', 'fill'],
    ]);
    const written = Object.fromEntries(acceptedFill(items, new Set()).map((w) => [w.path, w.value]));
    expect(written).toEqual({
      requesterFullName: 'Trần Thị Bích Ngọc',
      requesterIdNumber: '079195003456',
      requesterDateOfBirth: '1995-11-02',
      // The 2025 province and commune stay as chosen; the card's old address goes in as written.
      requesterAddress: { provinceCode: '82', communeCode: '28435', detail: 'Ấp 3, Xã Tân Phú, Huyện Châu Thành, Tỉnh Tiền Giang' },
    });
  });

  it('never overwrites what was typed unless the person chooses the card', () => {
    const targets = targetsOf(byCode('1.001193'), 'requester');
    const answers: Record<string, unknown> = { requesterFullName: 'Trần Thị Ngọc', requesterIdNumber: '079 195 003 456' };
    const items = planCccdFill(targets, (p) => answers[p], card);
    expect(items.find((i) => i.path === 'requesterFullName')?.action).toBe('conflict');
    expect(items.find((i) => i.path === 'requesterIdNumber')?.action).toBe('same');
    expect(acceptedFill(items, new Set()).map((w) => w.path)).not.toContain('requesterFullName');
    expect(acceptedFill(items, new Set(['requesterFullName'])).find((w) => w.path === 'requesterFullName')?.value).toBe('Trần Thị Bích Ngọc');
  });

  it('maps the sex to the definition’s own option values', () => {
    const targets = targetsOf(byCode('1.004194'), 'declarant');
    const items = planCccdFill(targets, () => undefined, card);
    expect(items.find((i) => i.field === 'sex')?.proposed).toBe('nu');
  });
});
