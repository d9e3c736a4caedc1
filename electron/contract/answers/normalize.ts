import type { Answers, LeafQuestion, ProcedureDefinition, Question } from '../procedure';

/** Characters a QR reader or a pasted text may carry that no answer should keep. */
const invisible = /[\u200B-\u200D\u2060\uFEFF]/g;

/** NFC, invisible characters removed, trimmed; runs of whitespace collapsed unless `multiline`. */
export function normalizeText(value: string, multiline = false): string {
  const text = value.normalize('NFC').replace(invisible, '');
  if (multiline) return text.replace(/\r\n?/g, '\n').trim();
  return text.replace(/\s+/g, ' ').trim();
}

/** Any JSON value with every string NFC and trimmed (keys kept: they are ASCII ids). */
function normalizeDeep(value: unknown): unknown {
  if (typeof value === 'string') return normalizeText(value, true);
  if (Array.isArray(value)) return value.map(normalizeDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalizeDeep(v)]));
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function normalizeLeaf(question: LeafQuestion, value: unknown): unknown {
  if (typeof value === 'string') {
    switch (question.type) {
      case 'textarea':
        return normalizeText(value, true);
      case 'cccd':
        return normalizeText(value).replace(/[\s.-]/g, '');
      case 'phone':
        return normalizeText(value).replace(/[\s.\-()]/g, '');
      default:
        return normalizeText(value);
    }
  }
  if (question.type === 'address' && isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? normalizeText(v) : normalizeDeep(v)]));
  }
  return normalizeDeep(value);
}

function normalizeQuestion(question: Question, value: unknown): unknown {
  if (question.type !== 'group') return normalizeLeaf(question, value);
  if (!Array.isArray(value)) return normalizeDeep(value);
  const byId = new Map(question.questions.map((q) => [q.id, q]));
  return value.map((item) => {
    if (!isRecord(item)) return normalizeDeep(item);
    return Object.fromEntries(
      Object.entries(item).map(([k, v]) => {
        const sub = byId.get(k);
        return [k, sub ? normalizeLeaf(sub, v) : normalizeDeep(v)];
      }),
    );
  });
}

/**
 * A copy of `answers` fit for storage: every text NFC (keyboards and QR readers may send NFD),
 * trimmed, single-spaced; CCCD numbers without spaces; phone numbers without spaces, dots or
 * dashes. Unknown keys are kept (normalised) so that validation can name them.
 */
export function normalizeAnswers(definition: ProcedureDefinition, answers: Answers): Answers {
  if (!isRecord(answers)) return {};
  const questions = new Map<string, Question>();
  for (const step of definition.steps) for (const q of step.questions) questions.set(q.id, q);
  return Object.fromEntries(
    Object.entries(answers).map(([key, value]) => {
      const question = questions.get(key);
      return [key, question ? normalizeQuestion(question, value) : normalizeDeep(value)];
    }),
  );
}
