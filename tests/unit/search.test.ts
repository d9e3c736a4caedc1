import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EditNeighbours, likelySlip, stripInputMethodResidue, withinOneEdit } from '../../electron/services/catalogue/fuzzy';
import { type Lexicon, loadLexicon, ProcedureSearch, type SearchableProcedure } from '../../electron/services/catalogue/search';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const resourcesDir = path.join(repoRoot, 'resources');
const proceduresDir = path.join(resourcesDir, 'procedures');

interface QueryCase {
  query: string;
  expected: string;
  alsoAcceptable?: string;
  ambiguous?: boolean;
  note?: string;
}
const fixture = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'search-queries.json'), 'utf8')) as {
  queries: QueryCase[];
  fixtureProcedures: SearchableProcedure[];
};

/** The real definitions, read as plain JSON (not through the catalogue's loader). */
function realProcedures(): SearchableProcedure[] {
  if (!fs.existsSync(proceduresDir)) return [];
  return fs
    .readdirSync(proceduresDir)
    .filter((f) => /^\d\.\d{6}\.json$/.test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(proceduresDir, f), 'utf8')) as SearchableProcedure)
    .map(({ code, name, officialName, sector, keywords, synonyms }) => ({ code, name, officialName, sector, keywords: keywords ?? [], synonyms: synonyms ?? [] }));
}

function rates(search: ProcedureSearch, cases: QueryCase[]) {
  const misses: string[] = [];
  let first = 0;
  let top3 = 0;
  for (const c of cases) {
    const codes = search.search(c.query, 5).map((r) => r.code);
    const at = codes.indexOf(c.expected);
    if (at === 0) first++;
    else misses.push(`${c.query} → expected ${c.expected}, got [${codes.slice(0, 3).join(', ')}]`);
    if (at >= 0 && at < 3) top3++;
    if (c.alsoAcceptable) expect(codes.slice(0, 3), `${c.query}: the other reading stays visible`).toContain(c.alsoAcceptable);
  }
  return { first: first / cases.length, top3: top3 / cases.length, misses };
}

const lexicon = loadLexicon(resourcesDir);

describe('the query table (tests/fixtures/search-queries.json)', () => {
  it('has at least 45 resident-style queries covering all 12 procedures', () => {
    expect(fixture.queries.length).toBeGreaterThanOrEqual(45);
    const codes = new Set(fixture.fixtureProcedures.map((p) => p.code));
    expect(codes.size).toBe(12);
    for (const q of fixture.queries) expect(codes.has(q.expected), q.query).toBe(true);
    expect(new Set(fixture.queries.map((q) => q.expected)).size).toBe(12);
  });

  it('against the fixture catalogue: ≥ 95 % first, 100 % in the top 3', () => {
    const search = new ProcedureSearch(fixture.fixtureProcedures, lexicon);
    try {
      const r = rates(search, fixture.queries);
      expect(r.first, r.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
      expect(r.top3, r.misses.join('\n')).toBe(1);
    } finally {
      search.close();
    }
  });

  const real = realProcedures();
  it.runIf(real.length > 0)('against the real definitions in resources/procedures: ≥ 95 % first, 100 % in the top 3', () => {
    const search = new ProcedureSearch(real, lexicon);
    try {
      const present = new Set(real.map((p) => p.code));
      const cases = fixture.queries.filter((q) => present.has(q.expected) && (!q.alsoAcceptable || present.has(q.alsoAcceptable)));
      expect(cases.length).toBeGreaterThan(0);
      const r = rates(search, cases);
      expect(r.first, r.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
      expect(r.top3, r.misses.join('\n')).toBe(1);
    } finally {
      search.close();
    }
  });
});

describe('ProcedureSearch', () => {
  let search: ProcedureSearch;
  beforeAll(() => {
    search = new ProcedureSearch(fixture.fixtureProcedures, lexicon);
  });
  afterAll(() => search.close());

  it('returns the contract shape, best first, within the limit', () => {
    const results = search.search('khai sinh', 3);
    expect(results).toHaveLength(3);
    expect(results[0]).toEqual({ code: '1.001193', name: 'Đăng ký khai sinh', sector: 'Hộ tịch', score: expect.any(Number) });
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
    expect(search.search('khai sinh', 1)).toHaveLength(1);
    expect(search.search('dang ky').length).toBeLessThanOrEqual(10);
  });

  it('matches without diacritics, with NFD input, and folds đ (which FTS5 does not)', () => {
    const codes = (q: string) => search.search(q, 3).map((r) => r.code);
    expect(codes('dang ky ket hon')).toEqual(codes('Đăng ký kết hôn'));
    expect(codes('Đăng ký kết hôn'.normalize('NFD'))).toEqual(codes('Đăng ký kết hôn'));
    expect(codes('DANG KY KET HON')[0]).toBe('1.000894');
  });

  it('returns [] for an empty, blank, punctuation-only or stop-word-only query', () => {
    for (const q of ['', '   ', '?!', '"', 'làm', 'cho tôi', 'xin cho tôi hỏi làm thế nào ở đâu', 'lam gi', 'ạ']) expect(search.search(q), q).toEqual([]);
  });

  it('returns [] for words that match nothing', () => {
    expect(search.search('qqqqzz xxyyww')).toEqual([]);
  });

  it('never passes FTS5 syntax through: quotes, operators, stars, columns, NEAR', () => {
    const hostile = ['"', '""', '"khai', 'AND', 'OR', 'NOT', 'khai AND', 'AND sinh', '*', 'kh*', '^khai', 'name:khai', '{name}: sinh', 'NEAR(khai sinh)', 'khai + sinh', '-', '(', ')', "'", '\\', '\u0000', 'khai NOT sinh'];
    for (const q of hostile) expect(() => search.search(q), q).not.toThrow();
    expect(search.search('"khai sinh"')[0]?.code).toBe('1.001193');
    expect(search.search('khai AND sinh')[0]?.code).toBe('1.001193');
    expect(search.search('name:khai sinh*')[0]?.code).toBe('1.001193');
  });

  it('never throws on any string and always answers the contract shape', () => {
    const pieces = fc.constantFrom('"', '*', 'AND', 'OR', 'NOT', 'NEAR(', ')', '(', ':', '^', '-', '+', 'khai', 'sinh', 'đăng', 'ký', 'tạm', 'trú', ' ', 'chứng thực', 'mất', 'bị', 'lam');
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.array(pieces, { maxLength: 20 }).map((p) => p.join(' ')),
      fc.array(pieces, { maxLength: 20 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: -5, max: 100 }), (q, limit) => {
        const results = search.search(q, limit);
        expect(Array.isArray(results)).toBe(true);
        expect(results.length).toBeLessThanOrEqual(50);
        for (const r of results) {
          expect(r.code).toMatch(/^\d\.\d{6}$/);
          expect(Number.isFinite(r.score)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('copes with very long queries', () => {
    expect(() => search.search('khai sinh '.repeat(1000))).not.toThrow();
    expect(search.search('khai sinh '.repeat(1000))[0]?.code).toBe('1.001193');
    expect(() => search.search('a'.repeat(100_000))).not.toThrow();
  });

  it('tolerates one typo per word (substitution, insertion, deletion, swap)', () => {
    expect(search.search('khia tu')[0]?.code).toBe('1.000656'); // swap
    expect(search.search('ket hom')[0]?.code).toBe('1.000894'); // m beside n: "hon", not "hop" (kết hợp)
    expect(search.search('khai sinhh')[0]?.code).toBe('1.001193'); // insertion
    expect(search.search('ket hn ')[0]?.code).toBe('1.000894'); // "hn": 2 letters, too short to repair: "ket" alone
    expect(search.search('dang ky tam trux ')[0]?.code).toBe('1.004194'); // insertion on the last word, typing finished
    expect(search.search('chúng thực chư ky')[0]?.code).toBe('2.000884');
  });

  it('reads the residue of Telex and VNI typed without the input method', () => {
    expect(search.search('ddawng kys kees hoon')[0]?.code).toBe('1.000894');
    expect(search.search('d9a8ng ky1 ta5m tru1')[0]?.code).toBe('1.004194');
  });

  it('treats the unfinished last word as a prefix (type-ahead)', () => {
    expect(search.search('dang ky ket h')[0]?.code).toBe('1.000894');
    expect(search.search('xac nhan tinh tr')[0]?.code).toBe('1.004873');
    expect(search.search('chung thuc chu')[0]?.code).toBe('2.000884');
    expect(search.search('tạm t')[0]?.code).toBe('1.004194');
    // The last word may be completing a lexicon phrase.
    expect(search.search('xin giấy độc th')[0]?.code).toBe('1.004873');
    expect(search.search('lấy v')[0]?.code).toBe('1.000894');
    // A finished word does not trigger a longer phrase: 'đăng ký khai sinh' is not 'đăng ký khai sinh lại'.
    expect(search.search('đăng ký khai sinh')[0]?.code).toBe('1.001193');
  });

  it('applies the lexicon: phrases first, stop words dropped, distinguishing words kept', () => {
    expect(search.explain('xin giấy độc thân').groups.flatMap((g) => g.terms)).toEqual(['xac', 'nhan', 'tinh', 'trang', 'hon', 'nhan'].filter((t, i, a) => a.indexOf(t) === i));
    expect(search.explain('làm giấy khai sinh cho con').groups.map((g) => g.terms)).toEqual([['khai'], ['sinh']]);
    expect(search.explain('đăng ký lại khai sinh ').groups.map((g) => g.terms)).toEqual([['dang'], ['ky'], ['lai'], ['khai'], ['sinh']]);
    // 'căn cước' survives although 'cần' (also folded to 'can') is a stop word.
    expect(search.explain('căn cước ').groups.map((g) => g.terms)).toEqual([['can'], ['cuoc']]);
    // 'mất' alone is a death; with a paper it is a lost paper.
    expect(search.search('bố tôi mất')[0]?.code).toBe('1.000656');
    expect(search.search('mất giấy khai sinh')[0]?.code).toBe('2.000635');
  });

  it('breaks ties by name', () => {
    const twins: SearchableProcedure[] = [
      { code: '9.000002', name: 'Giấy phép loại B', officialName: 'Giấy phép loại B', sector: 'Thử', keywords: [], synonyms: [] },
      { code: '9.000001', name: 'Giấy phép loại A', officialName: 'Giấy phép loại A', sector: 'Thử', keywords: [], synonyms: [] },
    ];
    const s = new ProcedureSearch(twins);
    try {
      const results = s.search('giay phep loai');
      expect(results.map((r) => r.code)).toEqual(['9.000001', '9.000002']);
      expect(results[0]!.score).toBe(results[1]!.score);
    } finally {
      s.close();
    }
  });

  it('finds "Hòa" and "Hoà" spellings of the same word either way', () => {
    const s = new ProcedureSearch([
      { code: '9.000001', name: 'Hoà giải ở cơ sở', officialName: 'Thủ tục hoà giải', sector: 'Hoà giải', keywords: [], synonyms: [] },
      { code: '9.000002', name: 'Đăng ký khai sinh', officialName: 'Đăng ký khai sinh', sector: 'Hộ tịch', keywords: [], synonyms: [] },
    ]);
    try {
      expect(s.search('hòa giải')[0]?.code).toBe('9.000001');
      expect(s.search('hoà giải')[0]?.code).toBe('9.000001');
      expect(s.search('dang')[0]?.code).toBe('9.000002');
    } finally {
      s.close();
    }
  });

  it('works with an empty catalogue and without a lexicon', () => {
    const empty = new ProcedureSearch([]);
    expect(empty.search('khai sinh')).toEqual([]);
    empty.close();
    const bare = new ProcedureSearch(fixture.fixtureProcedures);
    expect(bare.search('dang ky khai sinh')[0]?.code).toBe('1.001193');
    bare.close();
  });

  it('refuses a malformed lexicon', () => {
    expect(() => new ProcedureSearch([], { format: 2 } as unknown as Lexicon)).toThrow();
    expect(() => new ProcedureSearch([], { format: 1, rewrites: [{ from: [], to: 'x' }] })).toThrow();
  });
});

describe('fuzzy helpers', () => {
  it('withinOneEdit: Damerau–Levenshtein distance ≤ 1', () => {
    expect(withinOneEdit('sinh', 'sinh')).toBe(true);
    expect(withinOneEdit('sihn', 'sinh')).toBe(true); // swap
    expect(withinOneEdit('xinh', 'sinh')).toBe(true); // substitution
    expect(withinOneEdit('sinhh', 'sinh')).toBe(true); // insertion
    expect(withinOneEdit('sin', 'sinh')).toBe(true); // deletion
    expect(withinOneEdit('snih', 'sinh')).toBe(true);
    expect(withinOneEdit('hsin', 'sinh')).toBe(false); // two edits
    expect(withinOneEdit('sinh', 'khai')).toBe(false);
    expect(withinOneEdit('ab', 'abcd')).toBe(false);
    expect(withinOneEdit('', 'a')).toBe(true);
  });

  it('withinOneEdit agrees with a textbook optimal-string-alignment distance', () => {
    const osa = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          const cost = a[i - 1] === b[j - 1] ? 0 : 1;
          let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
          d[i]![j] = v;
        }
      }
      return d[a.length]![b.length]!;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'n', 'h'), maxLength: 6 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(osa(a, b) <= 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('EditNeighbours lists the known words one edit away', () => {
    const n = new EditNeighbours(['sinh', 'khai', 'tinh', 'sinhs', 'si']);
    expect(n.near('sihn', 3).sort()).toEqual(['sinh']);
    expect(n.near('xinh', 3).sort()).toEqual(['sinh', 'tinh']);
    expect(n.near('sinh', 3).sort()).toEqual(['sinhs', 'tinh']);
  });

  it('likelySlip prefers neighbouring keys and letters alike in sound', () => {
    expect(likelySlip('hom', 'hon')).toBe(true); // m beside n
    expect(likelySlip('hom', 'hop')).toBe(false);
    expect(likelySlip('xinh', 'sinh')).toBe(true); // s/x, also neighbours
    expect(likelySlip('nam', 'lam')).toBe(true); // l/n by ear
    expect(likelySlip('sihn', 'sinh')).toBe(true); // swap
    expect(likelySlip('sinhh', 'sinh')).toBe(true); // extra letter
    expect(likelySlip('tinh', 'sinh')).toBe(false);
  });

  it('stripInputMethodResidue reads Telex and VNI leftovers', () => {
    expect(stripInputMethodResidue('ddawng')).toBe('dang');
    expect(stripInputMethodResidue('kys')).toBe('ky');
    expect(stripInputMethodResidue('thuwowngf')).toBe('thuong');
    expect(stripInputMethodResidue('d9a8ng')).toBe('dang');
    expect(stripInputMethodResidue('sinh')).toBe('sinh');
  });
});
