import type { LeafQuestion } from '../procedure';
import { foldForSearch } from '../text';
import type { CccdData, CccdFieldName } from './fields';

/** A question the card may fill: where its answer lives and what it asks. */
export interface CccdFillTarget {
  path: string;
  question: LeafQuestion;
}

/**
 * One answer the card would change. 'fill': nothing typed yet; 'same': already says this;
 * 'conflict': something else was typed — the person chooses, nothing is overwritten silently.
 */
export interface CccdFillItem {
  path: string;
  field: CccdFieldName;
  label: string;
  action: 'fill' | 'same' | 'conflict';
  current: unknown;
  proposed: unknown;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const sexWords = { male: ['nam', 'male'], female: ['nu', 'female'] } as const;

/** The answer a question takes from the card, or undefined when the card has nothing fit for it. */
function proposedValue(question: LeafQuestion, data: CccdData, current: unknown): unknown {
  const field = question.cccdField;
  if (!field) return undefined;
  const value = data[field];
  if (value === null) return undefined;
  switch (question.type) {
    case 'text':
    case 'textarea':
    case 'cccd':
    case 'date':
      return value;
    case 'radio':
    case 'select': {
      // Options are data ('nam'/'nu', 'Nam'/'Nữ'): match by folded value or label.
      const words: readonly string[] = field === 'sex' ? sexWords[value as 'male' | 'female'] : [foldForSearch(value)];
      return question.options.find((o) => words.includes(foldForSearch(o.value)) || words.includes(foldForSearch(o.label)))?.value;
    }
    case 'address':
      // The card's address names pre-2025 units: kept as written in the detail; province and
      // commune of the 2025 units stay as chosen (a separate field the person picks).
      return { ...record(current), detail: value };
    default:
      return undefined;
  }
}

function comparable(question: LeafQuestion, value: unknown): string {
  const v = question.type === 'address' ? record(value).detail : value;
  if (typeof v !== 'string') return v === undefined || v === null ? '' : JSON.stringify(v);
  const text = v.normalize('NFC').replace(/\s+/g, ' ').trim();
  return question.type === 'cccd' ? text.replace(/[\s.-]/g, '') : text;
}

/** What scanning this card would do to these answers, question by question. */
export function planCccdFill(targets: readonly CccdFillTarget[], current: (path: string) => unknown, data: CccdData): CccdFillItem[] {
  const items: CccdFillItem[] = [];
  for (const { path, question } of targets) {
    const field = question.cccdField;
    if (!field) continue;
    const now = current(path);
    const proposed = proposedValue(question, data, now);
    if (proposed === undefined) continue;
    const typed = question.type === 'address' ? record(now).detail : now;
    const action = isBlank(typed) ? 'fill' : comparable(question, now) === comparable(question, proposed) ? 'same' : 'conflict';
    items.push({ path, field, label: question.label, action, current: now, proposed });
  }
  return items;
}

/**
 * The answers to write once the person confirmed: every 'fill', and each 'conflict' only where
 * they chose the card's value (`useCard` holds those paths).
 */
export function acceptedFill(items: readonly CccdFillItem[], useCard: ReadonlySet<string>): { path: string; value: unknown }[] {
  return items.filter((i) => i.action === 'fill' || (i.action === 'conflict' && useCard.has(i.path))).map((i) => ({ path: i.path, value: i.proposed }));
}
