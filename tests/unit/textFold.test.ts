import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, tokenize, toNfc } from '../../electron/contract/text';

describe('toNfc', () => {
  it('composes decomposed input', () => {
    const nfd = 'Nguye\u0302\u0303n'; // e + circumflex + tilde
    expect(nfd).not.toBe('Nguyễn');
    expect(toNfc(nfd)).toBe('Nguyễn');
  });

  it('keeps the tone placement as written (display as written)', () => {
    expect(toNfc('Hoà')).toBe('Hoà');
    expect(toNfc('Hòa')).toBe('Hòa');
  });
});

describe('foldForSearch', () => {
  it.each([
    ['Đăng', 'dang'],
    ['đăng ký', 'dang ky'],
    ['Nguyễn', 'nguyen'],
    ['NGUYỄN VĂN ĐỨC', 'nguyen van duc'],
    ['Thường trú', 'thuong tru'],
    ['Xác nhận tình trạng hôn nhân', 'xac nhan tinh trang hon nhan'],
    ['Ủy ban', 'uy ban'],
    ['Quảng Ngãi', 'quang ngai'],
    ['Ơ ư ă â ê ô', 'o u a a e o'],
  ])('%s → %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  it('folds "Hòa" and "Hoà" (old and new tone placement) to the same text', () => {
    expect(foldForSearch('Hòa')).toBe('hoa');
    expect(foldForSearch('Hoà')).toBe(foldForSearch('Hòa'));
    expect(foldForSearch('Thuỷ')).toBe(foldForSearch('Thủy'));
  });

  it('folds NFD input like NFC input', () => {
    const nfc = 'Đăng ký khai sinh cho Nguyễn Thị Hoà';
    expect(foldForSearch(nfc.normalize('NFD'))).toBe(foldForSearch(nfc));
    expect(foldForSearch(nfc.normalize('NFD'))).toBe('dang ky khai sinh cho nguyen thi hoa');
  });

  it('maps đ/Đ explicitly, and the look-alike Ð/ð some legacy converters emit', () => {
    expect(foldForSearch('đ Đ')).toBe('d d');
    expect(foldForSearch('\u00D0\u0103ng')).toBe('dang');
  });

  it('turns punctuation and symbols into single spaces and trims', () => {
    expect(foldForSearch('  "Khai sinh" -- (con),  mới!!  ')).toBe('khai sinh con moi');
    expect(foldForSearch('Liên thông: khai sinh/thường trú/BHYT')).toBe('lien thong khai sinh thuong tru bhyt');
    expect(foldForSearch('CT01 – 20.000 ₫')).toBe('ct01 20 000');
    expect(foldForSearch('')).toBe('');
    expect(foldForSearch(' \t\n*"()')).toBe('');
  });

  it('lower-cases without leaving marks (İ)', () => {
    expect(foldForSearch('İ')).toBe('i');
  });

  it('is idempotent and leaves only letters, digits and single spaces, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const once = foldForSearch(s);
        expect(foldForSearch(once)).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/ {2}|[\p{M}]/u);
        expect(once).toBe(once.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });

  it('ignores diacritics entirely: a Vietnamese word folds like its unmarked spelling', () => {
    const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxy'];
    const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...letters), fc.constantFrom(...tones)), { minLength: 1, maxLength: 12 }), (parts) => {
        const word = parts.map(([l, t]) => l + t).join('').normalize('NFC');
        const plain = parts.map(([l]) => l).join('').normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
        expect(foldForSearch(word)).toBe(plain);
        expect(foldForSearch(word.toUpperCase())).toBe(plain);
      }),
    );
  });
});

describe('tokenize', () => {
  it('splits folded text into words', () => {
    expect(tokenize('Đăng ký  khai sinh, cho con!')).toEqual(['dang', 'ky', 'khai', 'sinh', 'cho', 'con']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  -- ')).toEqual([]);
  });
});
