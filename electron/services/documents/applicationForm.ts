/**
 * The filled declaration form (tờ khai) of a procedure: the paper the resident signs, printed
 * from the answers through the definition's `form` (resources/procedures/<code>.json): each
 * section's fields in order, each field's answer found by its answer path.
 */
import { evaluateCondition, isShown, itemLookup } from '../../contract/answers/conditions';
import { formatDateVi, vietnamToday } from '../../contract/answers/dates';
import type { ProcedureDefinition, Question } from '../../contract/procedure';
import type { DocumentResources } from './fonts';
import { DocumentWriter, type Paragraph } from './layout';
import { longDateVi, mottoParagraphs, type RenderedDocument } from './receipt';

export interface ApplicationFormOptions {
  resources: DocumentResources;
  /**
   * Full name of a province (2-digit code) or commune (5-digit code) of the 2025 units, or null
   * when unknown (the code is then printed as is). Services pass the catalogue's units.
   */
  unitName: (code: string) => string | null;
  /** "Kính gửi: …"; default: the definition's agency name. */
  recipient?: string;
  /** Place for the date line ("Tân Phú, ngày …"); omitted: a dotted blank. */
  place?: string;
  /** Date of signing, `YYYY-MM-DD`; omitted: "ngày … tháng … năm …" to fill in by hand. */
  signedOn?: string;
  /** Title over the signature; default "NGƯỜI YÊU CẦU". */
  signerTitle?: string;
  /** Name printed under the signature space. */
  signerName?: string;
}

type LeafQuestion = Exclude<Question, { type: 'group' }>;

const pathPattern = /^([a-z][a-zA-Z0-9]*)(?:\[(\d+)\]\.([a-z][a-zA-Z0-9]*))?$/;

/** Questions by answer-path shape: `id` for top-level ones, `groupId.id` inside groups. */
function questionIndex(definition: ProcedureDefinition): Map<string, Question> {
  const index = new Map<string, Question>();
  for (const step of definition.steps) {
    for (const q of step.questions) {
      index.set(q.id, q);
      if (q.type === 'group') for (const inner of q.questions) index.set(`${q.id}.${inner.id}`, inner);
    }
  }
  return index;
}

/**
 * The answer at an answer path (`questionId` or `groupId[i].questionId`), its question, and whether
 * that question is shown for these answers (a hidden question's stale answer is not printed).
 */
export function resolveAnswer(
  definition: ProcedureDefinition,
  answers: Record<string, unknown>,
  path: string,
  index = questionIndex(definition),
  today: string = vietnamToday(),
): { value: unknown; question: Question | undefined; shown: boolean } {
  const m = pathPattern.exec(path);
  if (!m) return { value: undefined, question: undefined, shown: false };
  const [, id, item, inner] = m;
  const outer = index.get(id!);
  const outerShown = isShown(outer?.showIf, answers, today);
  if (inner === undefined) return { value: answers[id!], question: outer, shown: outerShown };
  const list = answers[id!];
  const entry = Array.isArray(list) ? (list[Number(item)] as unknown) : undefined;
  const value = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>)[inner] : undefined;
  const question = index.get(`${id}.${inner}`);
  let shown = outerShown;
  if (shown && question?.showIf && outer?.type === 'group') {
    const siblings = new Set(outer.questions.map((q) => q.id));
    shown = evaluateCondition(question.showIf, itemLookup(siblings, entry, answers), today);
  }
  return { value, question, shown };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** An answer as printed; null for an empty answer (a dotted blank on paper). */
export function formatAnswer(value: unknown, question: Question | undefined, unitName: (code: string) => string | null): string | null {
  if (isEmpty(value)) return null;
  const type = question?.type;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if ((type === 'select' || type === 'radio') && (typeof value === 'string' || typeof value === 'number')) {
    const option = (question as Extract<LeafQuestion, { type: 'select' | 'radio' }>).options.find((o) => o.value === String(value));
    return option ? option.label : String(value);
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && ('communeCode' in value || 'provinceCode' in value)) {
    const a = value as { provinceCode?: unknown; communeCode?: unknown; detail?: unknown };
    const name = (code: unknown) => (typeof code === 'string' && code !== '' ? (unitName(code) ?? code) : '');
    const parts = [typeof a.detail === 'string' ? a.detail.trim() : '', name(a.communeCode), name(a.provinceCode)].filter((p) => p !== '');
    return parts.length > 0 ? parts.join(', ') : null;
  }
  if (typeof value === 'string') {
    if (type === 'date' || /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateVi(value);
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map((v) => formatAnswer(v, undefined, unitName)).filter((v): v is string => v !== null);
    return parts.length > 0 ? parts.join('; ') : null;
  }
  if (typeof value === 'object') {
    // A whole group item, or a file answer: its printable leaves.
    const parts = Object.values(value as Record<string, unknown>)
      .map((v) => (typeof v === 'object' ? null : formatAnswer(v, undefined, unitName)))
      .filter((v): v is string => v !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  return String(value);
}

export async function renderApplicationFormDocument(definition: ProcedureDefinition, answers: Record<string, unknown>, options: ApplicationFormOptions): Promise<RenderedDocument> {
  const w = await DocumentWriter.create(options.resources, { title: definition.form.title, subject: `${definition.name} (${definition.code})` });
  const index = questionIndex(definition);
  const today = options.signedOn ?? vietnamToday();
  /** The printed answer of a path, or null (empty, or its question hidden for these answers). */
  const printed = (path: string): string | null => {
    const { value, question, shown } = resolveAnswer(definition, answers, path, index, today);
    return shown ? formatAnswer(value, question, options.unitName) : null;
  };

  // The form's number/name top right ("Mẫu CT01"; some forms name their circular instead).
  if (definition.form.formNumber) w.paragraph([{ text: definition.form.formNumber, style: 'italic' }], { align: 'right', size: 11, after: 4 });
  for (const p of mottoParagraphs()) w.paragraph(p.runs, p);
  w.space(14);
  w.centered([{ text: definition.form.title.toUpperCase(), style: 'bold' }], { size: 14, after: 8 });
  w.centered([{ text: 'Kính gửi: ' }, { text: options.recipient ?? definition.agency.name }], { after: 10 });

  for (const section of definition.form.sections) {
    if (section.heading) {
      w.ensure(3 * 13 * 1.3);
      w.paragraph([{ text: section.heading, style: 'bold' }], { after: 2 });
    }
    for (const field of section.fields) {
      // `fallback`: printed when the answer is empty or hidden (the requester is the person concerned).
      const text = printed(field.answer) ?? (field.fallback ? printed(field.fallback) : null);
      w.field(field.label, text);
    }
    w.space(6);
  }

  w.paragraph('Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.', { firstLineIndent: 28, after: 10 });

  const dateLine = options.signedOn ? longDateVi(options.signedOn) : 'ngày …… tháng …… năm ……';
  const signature: Paragraph[] = [
    { runs: [{ text: `${options.place ?? '……………'}, ${dateLine}`, style: 'italic' }], align: 'center', after: 2 },
    { runs: [{ text: options.signerTitle ?? 'NGƯỜI YÊU CẦU', style: 'bold' }], align: 'center' },
    { runs: [{ text: '(Ký, ghi rõ họ, chữ đệm, tên)', style: 'italic' }], align: 'center', size: 12, after: 56 },
    { runs: [{ text: options.signerName ?? ' ', style: 'bold' }], align: 'center' },
  ];
  w.columns([
    { share: 0.4, paragraphs: [{ runs: ' ' }] },
    { share: 0.6, paragraphs: signature },
  ]);

  const pdf = await w.finish();
  return { pdf, pages: w.doc.getPageCount(), missingCharacters: [...w.missingCharacters] };
}

/** The filled application form as PDF bytes. */
export async function renderApplicationForm(definition: ProcedureDefinition, answers: Record<string, unknown>, options: ApplicationFormOptions): Promise<Uint8Array> {
  return (await renderApplicationFormDocument(definition, answers, options)).pdf;
}
