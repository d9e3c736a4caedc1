/**
 * The kiosk keyboard's Telex and VNI engine (renderer/src/keyboard/vietnameseInput.ts) on a committed
 * list of Vietnamese words (tests/fixtures/keyboard/vietnamese-words.txt), by example and by property.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyKey, compose, deleteLast, keysFor, modernText, modernTone, type InputMethod } from '../../renderer/src/keyboard/vietnameseInput';

const words = fs
  .readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'keyboard', 'vietnamese-words.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));
const methods: InputMethod[] = ['telex', 'vni'];

/** Types a whole text, word by word (spaces pass through as themselves). */
function type(text: string, method: InputMethod): string {
  return text
    .split(' ')
    .map((w) => compose(w, method))
    .join(' ');
}

/** The same word with its tone on the first vowel of oa/oe/uy: the older placement. */
function oldStyle(word: string): string {
  return word.normalize('NFD').replace(/([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])/u, '$1$3$2').normalize('NFC');
}

describe('the word list', () => {
  it('has at least 100 words covering the six tones, ă â ê ô ơ ư đ and capitals, all NFC', () => {
    expect(words.length).toBeGreaterThanOrEqual(100);
    const all = words.join(' ');
    const nfd = all.normalize('NFD');
    for (const mark of ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323']) expect(nfd).toContain(mark);
    expect(words.some((w) => !/[\u0300\u0301\u0303\u0309\u0323]/u.test(w.normalize('NFD')))).toBe(true);
    for (const ch of ['ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Đ', 'Ư', 'Ơ', 'Ô', 'Ă']) expect(nfd, ch).toContain(ch.normalize('NFD'));
    for (const w of words) expect(w).toBe(w.normalize('NFC'));
  });
});

describe('Telex by example', () => {
  it.each([
    ['nguyeenx', 'nguyễn'],
    ['Nguyeenx', 'Nguyễn'],
    ['dd', 'đ'],
    ['DDawngj', 'Đặng'],
    ['Thij', 'Thị'],
    ['Huongw', 'Hương'],
    ['Huwowng', 'Hương'],
    ['Huwongw', 'Hương'],
    ['hoaf', 'hoà'],
    ['hofa', 'hoà'],
    ['khoer', 'khoẻ'],
    ['thuyr', 'thuỷ'],
    ['toans', 'toán'],
    ['quys', 'quý'],
    ['giuwx', 'giữ'],
    ['gif', 'gì'],
    ['nguwowif', 'người'],
    ['nhw', 'như'],
    ['hoawcj', 'hoặc'],
    ['muwa', 'mưa'],
    ['tieengs', 'tiếng'],
    ['tiengse', 'tiếng'],
    ['ass', 'as'],
    ['aaa', 'aa'],
    ['ddd', 'dd'],
    ['asz', 'a'],
  ])('%s → %s', (keys, expected) => {
    expect(compose(keys, 'telex')).toBe(expected.normalize('NFC'));
  });
});

describe('VNI by example', () => {
  it.each([
    ['nguye6n4', 'nguyễn'],
    ['d9', 'đ'],
    ['D9a8ng5', 'Đặng'],
    ['Thi5', 'Thị'],
    ['Hu7o7ng', 'Hương'],
    ['Huo7ng', 'Hương'],
    ['hoa2', 'hoà'],
    ['ho2a', 'hoà'],
    ['thuy3', 'thuỷ'],
    ['a11', 'a1'],
    ['a66', 'a6'],
    ['a10', 'a'],
  ])('%s → %s', (keys, expected) => {
    expect(compose(keys, 'vni')).toBe(expected.normalize('NFC'));
  });
});

describe('tone placement', () => {
  it('writes the modern placement and accepts the older one as input', () => {
    expect(modernTone('hòa')).toBe('hoà');
    expect(modernTone('khỏe')).toBe('khoẻ');
    expect(modernTone('thủy')).toBe('thuỷ');
    expect(modernTone('Hòa')).toBe('Hoà');
    // Older-style text edited at the kiosk comes out modern; a closed syllable keeps the last vowel.
    expect(applyKey('hòa', 'n', 'telex')).toBe('hoàn');
    expect(modernText('Hòa Bình, Thủy')).toBe('Hoà Bình, Thuỷ');
    expect(modernTone('toán')).toBe('toán');
    expect(modernTone('mùa')).toBe('mùa');
  });

  it('takes NFD input and gives NFC', () => {
    expect(applyKey('Nguyê\u0303'.normalize('NFD'), 'n', 'telex')).toBe('Nguyễn');
  });
});

describe('properties over the word list', () => {
  const word = fc.constantFrom(...words);
  const method = fc.constantFrom(...methods);
  /** A word with each letter's case chosen at random. */
  const cased = fc.tuple(word, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 })).map(([w, ups]) =>
    [...w].map((ch, i) => (ups[i % ups.length] ? ch.toUpperCase() : ch.toLowerCase())).join(''),
  );

  it('typing the keys of a word gives the word back (Telex and VNI), in NFC', () => {
    for (const m of methods) {
      for (const w of words) {
        const out = compose(keysFor(w, m), m);
        expect(out, `${m} ${keysFor(w, m)}`).toBe(w);
        expect(out.normalize('NFC')).toBe(out);
      }
    }
  });

  it('any capitalisation round-trips', () => {
    fc.assert(fc.property(cased, method, (w, m) => compose(keysFor(w, m), m) === w), { numRuns: 500 });
  });

  it('Telex and VNI write the same word', () => {
    fc.assert(fc.property(word, (w) => compose(keysFor(w, 'telex'), 'telex') === compose(keysFor(w, 'vni'), 'vni')));
  });

  it('the older tone placement is accepted: re-typing it yields the modern word', () => {
    fc.assert(fc.property(word, method, (w, m) => compose(keysFor(oldStyle(w), m), m) === w && modernTone(oldStyle(w)) === w));
  });

  it('the tone key may come anywhere after the first vowel: same word', () => {
    fc.assert(
      fc.property(word, fc.nat(), (w, at) => {
        const keys = keysFor(w, 'telex');
        const tone = /[sfrxj]$/.test(keys) && /[\u0300\u0301\u0303\u0309\u0323]/u.test(w.normalize('NFD')) ? keys.slice(-1) : '';
        if (tone === '') return true;
        const body = keys.slice(0, -1);
        const firstVowel = body.search(/[aeiouyAEIOUY]/);
        const pos = firstVowel + 1 + (at % (body.length - firstVowel));
        return compose(body.slice(0, pos) + tone + body.slice(pos), 'telex') === w;
      }),
      { numRuns: 500 },
    );
  });

  it('composing then deleting returns to the start, through every prefix of the keys', () => {
    fc.assert(
      fc.property(cased, method, fc.constantFrom('', 'Nguyễn ', 'Thị '), (w, m, before) => {
        const keys = keysFor(w, m);
        let text = before + compose(keys, m);
        for (let n = keys.length - 1; n >= 0; n--) {
          const word = text.slice(before.length);
          text = before + deleteLast(word, m);
          if (text !== before + compose(keys.slice(0, n), m)) return false;
        }
        return text === before;
      }),
      { numRuns: 300 },
    );
  });

  it('any key sequence composes to NFC, and deleting always ends at the empty word', () => {
    const keysOf = (m: InputMethod) => fc.string({ unit: fc.constantFrom(...(m === 'telex' ? 'aAdDeEoOuUwWiysfrxjznghtc' : 'aAdDeEoOuUiy0123456789nghtc').split('')), maxLength: 12 });
    for (const m of methods) {
      fc.assert(
        fc.property(keysOf(m), (keys) => {
          let word = compose(keys, m);
          if (word !== word.normalize('NFC')) return false;
          for (let guard = 0; guard < 40 && word !== ''; guard++) word = deleteLast(word, m);
          return word === '';
        }),
        { numRuns: 400 },
      );
    }
  });
});

describe('typing whole names', () => {
  it('"Nguyễn Thị Hương" in both methods', () => {
    expect(type('Nguyeenx Thij Huwowng', 'telex')).toBe('Nguyễn Thị Hương');
    expect(type('Nguye6n4 Thi5 Hu7o7ng', 'vni')).toBe('Nguyễn Thị Hương');
  });
});
