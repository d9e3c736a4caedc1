import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../electron/contract/text';
import { AdminUnits, loadAdminUnits } from '../../electron/services/catalogue/adminUnits';

const resourcesDir = path.resolve(import.meta.dirname, '..', '..', 'resources');

describe('adminUnits (2025 two-tier units)', () => {
  const units = loadAdminUnits(resourcesDir);

  it('loads once per file', () => {
    expect(loadAdminUnits(resourcesDir)).toBe(units);
  });

  it('has 34 provinces and 3,321 communes', () => {
    expect(units.provinces()).toHaveLength(34);
    expect(units.communeCount).toBe(3321);
    const total = units.provinces().reduce((n, p) => n + units.communes(p.code).length, 0);
    expect(total).toBe(3321);
  });

  it('keeps names exactly as written', () => {
    expect(units.provinces()[0]).toEqual({ code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội' });
    expect(units.findProvince('38')?.name).toBe('Thanh Hoá');
    expect(units.findProvince('56')?.name).toBe('Khánh Hoà');
    expect(units.communes('01')[0]).toMatchObject({ code: '00004', name: 'Ba Đình', fullName: 'Phường Ba Đình', provinceCode: '01', kind: 'Phường' });
  });

  it('findCommune gives the commune and its province; unknown codes give null', () => {
    expect(units.findCommune('16681')).toEqual({
      commune: { code: '16681', name: 'Thành Vinh', fullName: 'Phường Thành Vinh', provinceCode: '40', kind: 'Phường' },
      province: { code: '40', name: 'Nghệ An', fullName: 'Tỉnh Nghệ An' },
    });
    expect(units.findCommune('99999')).toBeNull();
    expect(units.communes('99')).toEqual([]);
  });

  it('implements the validator’s UnitsLookup', () => {
    const lookup = units.lookup;
    expect(lookup.hasProvince('01')).toBe(true);
    expect(lookup.hasProvince('02')).toBe(false);
    expect(lookup.communeInProvince('01', '00004')).toBe(true);
    expect(lookup.communeInProvince('40', '00004')).toBe(false);
    expect(lookup.communeInProvince('01', '99999')).toBe('unknown-commune');
    expect(lookup.communeName('00004')).toBe('Phường Ba Đình');
    expect(lookup.communeName('99999')).toBeNull();
    expect(lookup.provinceName('79')).toBe('Thành phố Hồ Chí Minh');
  });

  it('folds diacritics and đ only for matching', () => {
    expect(foldForSearch('Phường Ba Đình')).toBe('phuong ba dinh');
    expect(foldForSearch('Hoà'.normalize('NFD'))).toBe(foldForSearch('Hòa'));
    const found = units.searchCommunes('ba dinh', '01');
    expect(found.map((c) => c.fullName)).toContain('Phường Ba Đình');
    expect(units.searchCommunes('   ')).toEqual([]);
  });

  it('returns copies: callers cannot change the index', () => {
    const list = units.communes('01');
    list[0]!.name = 'changed';
    expect(units.communes('01')[0]!.name).toBe('Ba Đình');
  });

  it('look-ups are indexed (100k in well under a second)', () => {
    const start = performance.now();
    for (let i = 0; i < 100_000; i++) units.lookup.communeInProvince('01', i % 2 ? '00004' : '16681');
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('refuses a malformed file', () => {
    expect(() => new AdminUnits({ not: 'an array' }, 'bad.json')).toThrow(/bad.json/);
    expect(() => new AdminUnits([{ Code: '01' }], 'bad.json')).toThrow(/lacks/);
  });
});
