import type { Answers } from '../../../electron/contract/procedure';

/**
 * Answer paths, spelled as the contract spells field errors (`formatPath`): `childName`,
 * `parents[0].fullName`. One spelling for the answers, the errors, the URLs and the DOM ids.
 */
export type PathPart = string | number;

export function parsePath(path: string): PathPart[] {
  const parts: PathPart[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) parts.push(Number(match[2]));
    else if (match[1] !== undefined) parts.push(match[1]);
  }
  return parts;
}

export function itemPath(groupId: string, index: number, questionId?: string): string {
  return questionId === undefined ? `${groupId}[${index}]` : `${groupId}[${index}].${questionId}`;
}

export function getAt(answers: Answers, path: string): unknown {
  let current: unknown = answers;
  for (const part of parsePath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** A copy of `answers` with `value` at `path`; `undefined` removes the answer. */
export function setAt(answers: Answers, path: string, value: unknown): Answers {
  const parts = parsePath(path);
  const put = (container: unknown, index: number): unknown => {
    const part = parts[index]!;
    const last = index === parts.length - 1;
    if (typeof part === 'number') {
      const list = Array.isArray(container) ? [...(container as unknown[])] : [];
      while (list.length <= part) list.push({});
      list[part] = last ? value : put(list[part], index + 1);
      return list;
    }
    const record = container !== null && typeof container === 'object' && !Array.isArray(container) ? { ...(container as Record<string, unknown>) } : {};
    if (last) {
      if (value === undefined) delete record[part];
      else record[part] = value;
    } else {
      record[part] = put(record[part], index + 1);
    }
    return record;
  };
  return parts.length === 0 ? answers : (put(answers, 0) as Answers);
}

/** The DOM id of the (first) control of the answer at `path`: `field-parents-0-fullName`. */
export function pathDomId(path: string): string {
  return `field-${parsePath(path).join('-')}`;
}

/** Whether the error at `errorPath` belongs to the answer at `path` (itself or one of its parts). */
export function pathOwns(path: string, errorPath: string): boolean {
  return errorPath === path || errorPath.startsWith(`${path}.`) || errorPath.startsWith(`${path}[`);
}

export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).every(isEmptyAnswer);
  return false;
}
