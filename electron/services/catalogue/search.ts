/**
 * Procedure search in residents' own words (contract `catalogue.search`).
 *
 * An in-memory SQLite FTS5 index over text folded by our own `foldForSearch` (FTS5's
 * `remove_diacritics` does not fold đ, DOMAIN "Text"), plus a query pipeline:
 *
 *   fold → tokens → repair each word the index (fts5vocab) and the lexicon do not know: Telex/VNI
 *   residue, else the known words one Damerau–Levenshtein edit away (fuzzy.ts), OR-ed, likely
 *   slips preferred → lexicon (spelling variants, then colloquial phrases → catalogue words,
 *   longest phrase first) → drop stop words → FTS5 MATCH of quoted index terms, OR-ed, the last
 *   word also as a prefix while the resident is still typing it → re-rank the best 100 by bm25.
 *
 * Ranking: bm25 with column weights (name ≫ official name > keywords/synonyms > sector) as one part
 * of a score that also rewards covering the query's words, covering them in the short name, how
 * much of the name the query covers, and the query's word pairs found as phrases. Higher is
 * better; ties are broken by name.
 *
 * Only words taken from the index's own vocabulary (an fts5vocab table) ever reach MATCH, each one
 * quoted, so no user text can form FTS5 syntax: `"`, `AND`, `*`, `NEAR(` are just (unknown) words.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database, { type Database as Db, type Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { SearchResult } from '../../contract/catalogue';
import { foldForSearch, tokenize } from '../../contract/text';
import { EditNeighbours, likelySlip, stripInputMethodResidue } from './fuzzy';

export interface SearchableProcedure {
  code: string;
  name: string;
  officialName: string;
  sector: string;
  keywords: string[];
  synonyms: string[];
}

export const lexiconSchema = z
  .object({
    format: z.literal(1),
    description: z.string().optional(),
    /** One word → one word, before phrases (kí → ký). */
    variants: z.record(z.string(), z.string().min(1)).default({}),
    /** Words that carry no meaning for the choice of procedure. */
    stopWords: z.array(z.string().min(1)).default([]),
    /** Phrases residents use → the catalogue's words ("" drops the phrase). */
    rewrites: z
      .array(
        z
          .object({
            from: z.array(z.string().min(1)).min(1),
            to: z.string(),
            /** Skip the rule when the query also contains one of these phrases. */
            unless: z.array(z.string().min(1)).optional(),
            note: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type Lexicon = z.input<typeof lexiconSchema>;

/** The lexicon shipped in `<resourcesDir>/search/lexicon.json`. Throws when it is missing or malformed (a packaging error). */
export function loadLexicon(resourcesDir: string): Lexicon {
  const file = path.join(resourcesDir, 'search', 'lexicon.json');
  const parsed = lexiconSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`Invalid search lexicon ${file}: ${parsed.error.message}`);
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------

/** Longest query we look at (the contract allows 200 characters) and most words we use. */
const MAX_QUERY_CHARS = 400;
const MAX_QUERY_WORDS = 24;
/** Shortest word we try to repair, and shortest repair: 1–2 letter words have too many neighbours. */
const MIN_TYPO_LENGTH = 3;
/** Shortest unfinished last word used as a prefix while typing. */
const MIN_PREFIX_LENGTH = 2;
/** Rows taken from FTS5 (by bm25) into the re-ranking. */
const CANDIDATES = 100;
/**
 * In a large catalogue, words found in more than this share of it ("đăng", "ký", "cấp") do not
 * select candidates (they still count in the re-ranking), as long as a rarer word does: scanning
 * and scoring hundreds of rows for them is most of the time of a query. Small catalogues keep all.
 */
const COMMON_SHARE = 0.1;
const COMMON_MIN_DOCS = 50;
/** bm25 column weights: name, officialName, keywords+synonyms, sector. */
const BM25_WEIGHTS = [10, 4, 3, 1] as const;
/** Re-ranking weights (tuned on tests/fixtures/search-queries.json). */
const W = { coverage: 6, nameCoverage: 3, nameSpecificity: 2, pairs: 2, namePairs: 1, namePhrase: 1, bm25: 1.5 } as const;

interface CompiledRule {
  from: string[];
  to: string[];
  unless: string[];
}

interface CompiledLexicon {
  variants: Map<string, string>;
  stop: Set<string>;
  /** First word → rules starting with it, longest first. */
  rules: Map<string, CompiledRule[]>;
  /** Every word the lexicon knows (targets for typo repair besides the index vocabulary). */
  words: Set<string>;
}

function compileLexicon(lexicon: Lexicon | undefined): CompiledLexicon {
  const parsed = lexiconSchema.parse(lexicon ?? { format: 1 });
  const words = new Set<string>();
  const variants = new Map<string, string>();
  for (const [from, to] of Object.entries(parsed.variants)) {
    const f = foldForSearch(from);
    const t = foldForSearch(to);
    if (f && t && !f.includes(' ') && !t.includes(' ')) {
      variants.set(f, t);
      words.add(f);
    }
  }
  const stop = new Set<string>();
  for (const w of parsed.stopWords) for (const t of tokenize(w)) stop.add(t);
  for (const w of stop) words.add(w);
  const rules = new Map<string, CompiledRule[]>();
  for (const rule of parsed.rewrites) {
    const to = tokenize(rule.to);
    const unless = (rule.unless ?? []).map(foldForSearch).filter((u) => u !== '');
    for (const phrase of rule.from) {
      const from = tokenize(phrase).map((w) => variants.get(w) ?? w);
      const first = from[0];
      if (first === undefined) continue;
      for (const w of from) words.add(w);
      const list = rules.get(first) ?? [];
      list.push({ from, to, unless });
      rules.set(first, list);
    }
  }
  for (const list of rules.values()) list.sort((a, b) => b.from.length - a.from.length);
  return { variants, stop, rules, words };
}

interface IndexedDoc {
  code: string;
  name: string;
  sector: string;
  nameTokens: string[];
  nameSet: Set<string>;
  allTokens: string[];
  allSet: Set<string>;
  /** Each field folded and padded with spaces, one per line, for phrase checks. */
  phraseText: string;
  namePadded: string;
}

/** A word of the query after repair: the index/lexicon words it may stand for. */
interface QueryWord {
  raw: string;
  alts: string[];
  /** The unfinished last word, used as a prefix. */
  prefix?: string;
  /** Produced by the lexicon: never a stop word. */
  canonical: boolean;
}

/** One MATCH group: any of its terms (or the prefix) counts as the word being found. */
interface Group {
  terms: string[];
  prefix?: string;
}

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

function fieldText(p: SearchableProcedure): [string, string, string, string] {
  return [
    foldForSearch(p.name),
    foldForSearch(p.officialName),
    [...p.keywords, ...p.synonyms].map(foldForSearch).join(' \n '),
    foldForSearch(p.sector),
  ];
}

export class ProcedureSearch {
  private readonly db: Db;
  private readonly docs: IndexedDoc[] = [];
  private readonly lexicon: CompiledLexicon;
  private readonly vocab: Set<string>;
  private readonly common: Set<string>;
  private readonly sortedVocab: string[];
  private readonly neighbours: EditNeighbours;
  private readonly matchStatement: Statement<[string, number], { rowid: number; rank: number }>;
  private closed = false;

  constructor(procedures: readonly SearchableProcedure[], lexicon?: Lexicon) {
    this.lexicon = compileLexicon(lexicon);
    this.db = new Database(':memory:');
    // unicode61 on text we already folded: its own diacritic folding would miss đ anyway.
    this.db.exec(`
      CREATE VIRTUAL TABLE procedure_fts USING fts5(name, official_name, terms, sector, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3');
      CREATE VIRTUAL TABLE procedure_vocab USING fts5vocab(procedure_fts, 'row');
    `);
    const insert = this.db.prepare('INSERT INTO procedure_fts (rowid, name, official_name, terms, sector) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      procedures.forEach((p, i) => {
        const fields = fieldText(p);
        insert.run(i, ...fields);
        const nameTokens = fields[0] === '' ? [] : fields[0].split(' ');
        const allTokens = [...new Set(fields.join(' ').split(/\s+/).filter((t) => t !== ''))];
        this.docs.push({
          code: p.code,
          name: p.name,
          sector: p.sector,
          nameTokens,
          nameSet: new Set(nameTokens),
          allTokens,
          allSet: new Set(allTokens),
          phraseText: fields.map((f) => f.split('\n').map((line) => ` ${line.trim()} `).join('\n')).join('\n'),
          namePadded: ` ${fields[0]} `,
        });
      });
    })();
    const vocabRows = this.db.prepare('SELECT term, doc FROM procedure_vocab').all() as { term: string; doc: number }[];
    const terms = vocabRows.map((r) => r.term);
    this.vocab = new Set(terms);
    const commonAbove = Math.max(COMMON_MIN_DOCS, COMMON_SHARE * procedures.length);
    this.common = new Set(vocabRows.filter((r) => r.doc > commonAbove).map((r) => r.term));
    this.sortedVocab = [...terms].sort();
    this.neighbours = new EditNeighbours([...terms, ...this.lexicon.words]);
    this.matchStatement = this.db.prepare(
      `SELECT rowid, bm25(procedure_fts, ${BM25_WEIGHTS.join(', ')}) AS rank FROM procedure_fts WHERE procedure_fts MATCH ? ORDER BY rank LIMIT ?`,
    );
  }

  /** Ranked procedures for a resident's query; [] for an empty or meaningless one. Never throws on any string. */
  search(query: string, limit = 10): SearchResult[] {
    if (this.closed) throw new Error('ProcedureSearch is closed');
    if (typeof query !== 'string') return [];
    const max = Number.isFinite(limit) ? Math.max(1, Math.min(50, Math.floor(limit))) : 10;
    const groups = this.parse(query);
    if (groups.length === 0) return [];
    const isCommon = (g: Group) => !g.prefix && g.terms.every((t) => this.common.has(t));
    const selective = groups.some((g) => !isCommon(g)) ? groups.filter((g) => !isCommon(g)) : groups;
    const expression = selective.map((g) => [...g.terms.map(quote), ...(g.prefix ? [`${quote(g.prefix)}*`] : [])].join(' OR ')).join(' OR ');
    const rows = this.matchStatement.all(expression, CANDIDATES);
    if (rows.length === 0) return [];
    const best = Math.min(...rows.map((r) => r.rank)); // bm25: more negative is better
    const scored = rows.flatMap((row) => {
      const doc = this.docs[row.rowid];
      if (!doc) return [];
      const bm25 = best < 0 ? row.rank / best : 0;
      return [{ doc, score: this.score(doc, groups, bm25) }];
    });
    scored.sort((a, b) => b.score - a.score || a.doc.name.localeCompare(b.doc.name, 'vi') || a.doc.code.localeCompare(b.doc.code));
    return scored.slice(0, max).map(({ doc, score }) => ({ code: doc.code, name: doc.name, sector: doc.sector, score: Math.round(score * 1000) / 1000 }));
  }

  /** The query as MATCH groups, after repair, lexicon and stop words (exposed for tests and the CLI). */
  explain(query: string): { groups: { terms: string[]; prefix?: string }[] } {
    return { groups: this.parse(query) };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  // -------------------------------------------------------------------------------------------

  private knows(word: string): boolean {
    return this.vocab.has(word) || this.lexicon.words.has(word);
  }

  private hasPrefix(prefix: string): boolean {
    const v = this.sortedVocab;
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < v.length && v[lo]!.startsWith(prefix);
  }

  /** The words this typed word may stand for (itself when known; else its repairs). */
  private repair(word: string): string[] {
    const variant = this.lexicon.variants.get(word);
    if (variant) return [variant];
    if (this.knows(word)) return [word];
    const plain = stripInputMethodResidue(word);
    if (plain !== word && plain !== '') {
      if (this.knows(plain)) return [this.lexicon.variants.get(plain) ?? plain];
    }
    if (word.length < MIN_TYPO_LENGTH) return [];
    const near = new Set(this.neighbours.near(word, MIN_TYPO_LENGTH));
    if (near.size === 0 && plain !== word && plain.length >= MIN_TYPO_LENGTH) for (const w of this.neighbours.near(plain, MIN_TYPO_LENGTH)) near.add(w);
    // Several repairs: keep the likely slips (neighbouring key, letters alike in sound, swaps,
    // missing or extra letters) when there are any, so "ket hom" reads "ket hon", not "ket hop".
    const likely = [...near].filter((w) => likelySlip(word, w) || likelySlip(plain, w));
    return (likely.length > 0 ? likely : [...near]).map((w) => this.lexicon.variants.get(w) ?? w);
  }

  private parse(query: string): Group[] {
    const raw = query.slice(0, MAX_QUERY_CHARS);
    const tokens = tokenize(raw).slice(0, MAX_QUERY_WORDS);
    if (tokens.length === 0) return [];
    const stillTyping = /[\p{L}\p{N}\p{M}]$/u.test(raw);
    const words: QueryWord[] = tokens.map((t, i) => {
      const w: QueryWord = { raw: t, alts: this.repair(t), canonical: false };
      // The last word, while typed, is a prefix unless it is already a whole word we know ("tu"
      // would otherwise also mean every "tục", "tuổi", "tuyến"… of a large catalogue).
      if (i === tokens.length - 1 && stillTyping && t.length >= MIN_PREFIX_LENGTH && !this.knows(t) && this.hasPrefix(t)) w.prefix = t;
      return w;
    });

    // Lexicon phrases, left to right, longest phrase first at each position.
    const context = ` ${words.map((w) => w.alts[0] ?? w.raw).join(' ')} `;
    const rewritten: QueryWord[] = [];
    for (let i = 0; i < words.length; ) {
      const rule = this.ruleAt(words, i, context, stillTyping);
      if (rule) {
        for (const t of rule.to) rewritten.push({ raw: t, alts: [t], canonical: true });
        i += rule.from.length;
      } else {
        rewritten.push(words[i]!);
        i++;
      }
    }

    // Stop words, then groups of index terms.
    const groups: Group[] = [];
    const seen = new Set<string>();
    for (const w of rewritten) {
      if (!w.canonical && (this.lexicon.stop.has(w.raw) || (w.alts.length > 0 && w.alts.every((a) => this.lexicon.stop.has(a))))) continue;
      const terms = [...new Set(w.alts.filter((a) => this.vocab.has(a) && (w.canonical || !this.lexicon.stop.has(a))))];
      const group: Group = w.prefix ? { terms, prefix: w.prefix } : { terms };
      if (group.terms.length === 0 && !group.prefix) continue;
      const key = `${group.terms.join(',')}|${group.prefix ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      groups.push(group);
    }
    return groups;
  }

  /**
   * The lexicon rule to apply at word `i`: the longest whose phrase is there. While the resident is
   * still typing a word, a longer phrase that word may be completing ("giấy độc th…") wins over a
   * shorter complete one ("giấy"), when all such phrases agree on their rewrite; when they disagree
   * ("mất g…": "mất giấy" or "mất giấy khai sinh"), nothing is rewritten yet.
   */
  private ruleAt(words: QueryWord[], i: number, context: string, stillTyping: boolean): CompiledRule | undefined {
    const first = words[i]!;
    const candidates = new Set<CompiledRule>();
    for (const alt of first.alts) for (const r of this.lexicon.rules.get(alt) ?? []) candidates.add(r);
    if (stillTyping && i === words.length - 1) {
      for (const [head, rules] of this.lexicon.rules) if (head.startsWith(first.raw)) for (const r of rules) candidates.add(r);
    }
    const remaining = words.length - i;
    let best: CompiledRule | undefined;
    const unfinished: CompiledRule[] = [];
    for (const rule of candidates) {
      if (rule.unless.some((u) => context.includes(` ${u} `))) continue;
      if (rule.from.length <= remaining && rule.from.every((f, k) => words[i + k]!.alts.includes(f))) {
        if (!best || best.from.length < rule.from.length) best = rule;
      } else if (stillTyping && rule.from.length >= remaining) {
        const last = words[words.length - 1]!;
        const typed = rule.from.slice(0, remaining);
        const head = typed.slice(0, -1).every((f, k) => words[i + k]!.alts.includes(f));
        const word = typed.at(-1)!;
        if (head && word !== last.raw && !last.alts.includes(word) && word.startsWith(last.raw)) unfinished.push(rule);
      }
    }
    if (unfinished.length > 0 && (best?.from.length ?? 0) < remaining) {
      const to = unfinished[0]!.to.join(' ');
      if (unfinished.every((r) => r.to.join(' ') === to)) return { from: words.slice(i).map((w) => w.raw), to: unfinished[0]!.to, unless: [] };
      return undefined; // phrases disagree: wait for the next letter rather than guess
    }
    return best;
  }

  private score(doc: IndexedDoc, groups: Group[], bm25: number): number {
    const matchedIn = (g: Group, set: Set<string>, list: string[]): string[] => {
      const found = g.terms.filter((t) => set.has(t));
      if (g.prefix) for (const t of list) if (t.startsWith(g.prefix)) found.push(t);
      return found;
    };
    let covered = 0;
    let inName = 0;
    const nameHits = new Set<string>();
    const found: string[][] = [];
    for (const g of groups) {
      const all = matchedIn(g, doc.allSet, doc.allTokens);
      found.push(all);
      if (all.length > 0) covered++;
      const name = matchedIn(g, doc.nameSet, doc.nameTokens);
      if (name.length > 0) inName++;
      for (const t of name) nameHits.add(t);
    }
    // Word pairs of the query found next to each other (in any field / in the name).
    let pairs = 0;
    let namePairs = 0;
    for (let k = 0; k + 1 < found.length; k++) {
      let inAny = false;
      let inNameField = false;
      for (const a of found[k]!) {
        for (const b of found[k + 1]!) {
          const phrase = ` ${a} ${b} `;
          if (!inNameField && doc.namePadded.includes(phrase)) inNameField = true;
          if (!inAny && doc.phraseText.includes(phrase)) inAny = true;
        }
      }
      if (inAny) pairs++;
      if (inNameField) namePairs++;
    }
    const n = groups.length;
    const pairCount = Math.max(1, n - 1);
    const namePhrase = n > 1 && namePairs === n - 1 ? 1 : 0;
    return (
      W.coverage * (covered / n) +
      W.nameCoverage * (inName / n) +
      W.nameSpecificity * (doc.nameSet.size > 0 ? nameHits.size / doc.nameSet.size : 0) +
      W.pairs * (n > 1 ? pairs / pairCount : 0) +
      W.namePairs * (n > 1 ? namePairs / pairCount : 0) +
      W.namePhrase * namePhrase +
      W.bm25 * bm25
    );
  }
}
