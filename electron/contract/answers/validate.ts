import type { FieldError } from '../errors';
import type { Condition, LeafQuestion, ProcedureDefinition, Question } from '../procedure';
import { cccdProblem } from './cccd';
import { evaluateCondition, isEmptyAnswer, itemLookup, ownValue, type AnswerLookup } from './conditions';
import { dateParts, formatDateVi, isRealDate, isoDatePattern } from './dates';
import type { UnitsLookup } from './units';

export interface ValidationContext {
  units: UnitsLookup;
  /** Today, `YYYY-MM-DD` in Vietnam time: `range: 'past'` dates may not be after it. */
  today: string;
}

type GroupQuestion = Extract<Question, { type: 'group' }>;

/** A field being checked: where its answer lives and how people call it. */
interface Field {
  path: string;
  /** Vietnamese label as shown to the resident, with the group item when inside one. */
  label: string;
}

class Errors {
  readonly list: FieldError[] = [];
  add(path: string, vi: string, en: string): void {
    this.list.push({ path, message_vi: vi, message_en: en });
  }
  /** `<label>: <vi>` / `"<label>": <en>` — every message names its field. */
  field(field: Field, vi: string, en: string): void {
    this.add(field.path, `${field.label}: ${vi}`, `"${field.label}": ${en}`);
  }
}

const phonePattern = /^(0\d{9}|\+84\d{9})$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const sha256Pattern = /^[0-9a-f]{64}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function codePoints(text: string): number {
  return [...text].length;
}

const patternCache = new Map<string, RegExp | null>();
function compiled(pattern: string): RegExp | null {
  if (!patternCache.has(pattern)) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = null;
    }
    patternCache.set(pattern, re);
  }
  return patternCache.get(pattern) ?? null;
}

function isRequired(question: { required: boolean; requiredIf?: Condition | undefined }, lookup: AnswerLookup, today: string): boolean {
  return question.requiredIf ? evaluateCondition(question.requiredIf, lookup, today) : question.required;
}

function requiredMessage(errors: Errors, field: Field, question: Question): void {
  if (question.type === 'select' || question.type === 'radio') {
    errors.field(field, 'chưa chọn. Hãy chọn một phương án.', 'nothing chosen. Choose one of the options.');
  } else if (question.type === 'checkbox') {
    errors.field(field, 'chưa đánh dấu. Hãy đánh dấu ô này để xác nhận.', 'not ticked. Tick this box to confirm.');
  } else if (question.type === 'file') {
    errors.field(field, 'chưa có tệp. Hãy quét hoặc đính kèm giấy tờ này.', 'no file yet. Scan or attach this paper.');
  } else {
    errors.field(field, 'chưa có câu trả lời. Hãy nhập thông tin này.', 'no answer yet. Please fill this in.');
  }
}

function checkText(errors: Errors, field: Field, q: Extract<LeafQuestion, { type: 'text' | 'textarea' }>, value: unknown): void {
  if (typeof value !== 'string') {
    errors.field(field, 'cần nhập chữ.', 'must be text.');
    return;
  }
  const length = codePoints(value);
  if (q.minLength !== undefined && length < q.minLength) {
    errors.field(field, `cần ít nhất ${q.minLength} ký tự (đang có ${length}).`, `needs at least ${q.minLength} characters (has ${length}).`);
  }
  if (length > q.maxLength) {
    errors.field(field, `tối đa ${q.maxLength} ký tự (đang có ${length}). Hãy viết ngắn lại.`, `at most ${q.maxLength} characters (has ${length}). Please shorten it.`);
  }
  if (q.pattern !== undefined) {
    const re = compiled(q.pattern);
    if (re && !re.test(value)) {
      errors.field(field, q.patternMessage ?? 'không đúng định dạng yêu cầu.', 'does not have the required format.');
    }
  }
}

function checkNumber(errors: Errors, field: Field, q: Extract<LeafQuestion, { type: 'number' }>, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.field(field, 'cần nhập một số.', 'must be a number.');
    return;
  }
  if (q.integer && !Number.isInteger(value)) errors.field(field, 'cần là số nguyên (không có phần lẻ).', 'must be a whole number.');
  if (q.min !== undefined && value < q.min) errors.field(field, `cần từ ${q.min} trở lên (đang là ${value}).`, `must be at least ${q.min} (is ${value}).`);
  if (q.max !== undefined && value > q.max) errors.field(field, `không được quá ${q.max} (đang là ${value}).`, `must be at most ${q.max} (is ${value}).`);
}

function checkDate(errors: Errors, field: Field, q: Extract<LeafQuestion, { type: 'date' }>, value: unknown, today: string): void {
  if (typeof value !== 'string' || !isoDatePattern.test(value)) {
    errors.field(field, 'hãy nhập đủ ngày, tháng, năm (ví dụ 05/09/2025).', 'enter the day, month and year (for example 05/09/2025).');
    return;
  }
  const shown = formatDateVi(value);
  if (!isRealDate(value)) {
    errors.field(field, `ngày ${shown} không có thật. Hãy nhập ngày, tháng, năm có thật.`, `${shown} is not a real date. Enter a day, month and year that exist.`);
    return;
  }
  const year = dateParts(value)?.year ?? 0;
  if (year < 1850) {
    errors.field(field, `năm ${year} không hợp lệ. Hãy nhập năm có 4 chữ số (ví dụ 1990).`, `year ${year} is not valid. Enter a 4-digit year (for example 1990).`);
    return;
  }
  if (q.range === 'past' && value > today) {
    errors.field(field, `ngày ${shown} chưa tới (hôm nay là ${formatDateVi(today)}). Hãy nhập một ngày đã qua.`, `${shown} is in the future (today is ${formatDateVi(today)}). Enter a past date.`);
  }
  if (q.range === 'future' && value < today) {
    errors.field(field, `ngày ${shown} đã qua (hôm nay là ${formatDateVi(today)}). Hãy nhập một ngày từ hôm nay trở đi.`, `${shown} has passed (today is ${formatDateVi(today)}). Enter today or a later date.`);
  }
}

function checkChoice(errors: Errors, field: Field, q: Extract<LeafQuestion, { type: 'select' | 'radio' }>, value: unknown): void {
  if (typeof value === 'string' && q.options.some((o) => o.value === value)) return;
  const labels = q.options.map((o) => o.label).join('; ');
  errors.field(field, `lựa chọn không hợp lệ. Hãy chọn một trong: ${labels}.`, `not one of the options. Choose one of: ${labels}.`);
}

function checkCccd(errors: Errors, field: Field, value: unknown, today: string): void {
  if (typeof value !== 'string') {
    errors.field(field, 'Số định danh cá nhân phải là 12 chữ số.', 'the personal ID number must be 12 digits.');
    return;
  }
  const problem = cccdProblem(value, today);
  if (!problem) return;
  switch (problem.kind) {
    case 'not-digits':
      errors.field(field, 'Số định danh cá nhân chỉ gồm chữ số (0–9), đúng 12 chữ số.', 'the personal ID number has digits only (0–9), exactly 12.');
      break;
    case 'length':
      errors.field(field, `Số định danh cá nhân phải có đúng 12 chữ số (đang có ${problem.length}).`, `the personal ID number must have exactly 12 digits (has ${problem.length}).`);
      break;
    case 'place':
      errors.field(
        field,
        `3 chữ số đầu (${problem.placeCode}) không phải mã tỉnh nơi đăng ký khai sinh. Hãy đối chiếu lại với thẻ căn cước.`,
        `the first 3 digits (${problem.placeCode}) are not a province code of birth registration. Check the number on the ID card.`,
      );
      break;
    case 'future-year':
      errors.field(
        field,
        `chữ số thứ 4 đến 6 cho năm sinh ${problem.year}, là năm chưa tới. Hãy đối chiếu lại với thẻ căn cước.`,
        `digits 4 to 6 give birth year ${problem.year}, which has not come yet. Check the number on the ID card.`,
      );
      break;
  }
}

function checkAddress(errors: Errors, field: Field, value: unknown, units: UnitsLookup): void {
  if (!isRecord(value)) {
    errors.field(field, 'hãy chọn tỉnh/thành phố và xã/phường.', 'choose the province and the commune.');
    return;
  }
  for (const key of Object.keys(value)) {
    if (key !== 'provinceCode' && key !== 'communeCode' && key !== 'detail') {
      errors.add(`${field.path}.${key}`, `${field.label}: trường "${key}" không thuộc địa chỉ.`, `"${field.label}": field "${key}" is not part of an address.`);
    }
  }
  const province = value['provinceCode'];
  const commune = value['communeCode'];
  const detail = value['detail'];
  const provincePath = { path: `${field.path}.provinceCode`, label: field.label };
  const communePath = { path: `${field.path}.communeCode`, label: field.label };
  let provinceOk = false;
  if (isEmptyAnswer(province)) {
    errors.field(provincePath, 'chưa chọn tỉnh/thành phố.', 'no province chosen.');
  } else if (typeof province !== 'string' || !/^\d{2}$/.test(province) || !units.hasProvince(province)) {
    errors.field(provincePath, `Mã tỉnh/thành phố ${String(province)} không có trong danh mục đơn vị hành chính 2025.`, `province code ${String(province)} is not in the 2025 list of administrative units.`);
  } else {
    provinceOk = true;
  }
  if (isEmptyAnswer(commune)) {
    errors.field(communePath, 'chưa chọn xã/phường.', 'no commune or ward chosen.');
  } else if (typeof commune !== 'string' || !/^\d{5}$/.test(commune)) {
    errors.field(communePath, `Mã xã/phường ${String(commune)} không có trong danh mục đơn vị hành chính 2025.`, `commune code ${String(commune)} is not in the 2025 list of administrative units.`);
  } else if (provinceOk) {
    const belongs = units.communeInProvince(province as string, commune);
    if (belongs === 'unknown-commune') {
      errors.field(communePath, `Mã xã/phường ${commune} không có trong danh mục đơn vị hành chính 2025.`, `commune code ${commune} is not in the 2025 list of administrative units.`);
    } else if (!belongs) {
      const name = units.communeName(commune) ?? commune;
      const provinceName = units.provinceName(province as string) ?? (province as string);
      errors.field(communePath, `${name} không thuộc ${provinceName}. Hãy chọn lại xã/phường.`, `${name} is not in ${provinceName}. Choose the commune again.`);
    }
  }
  if (detail !== undefined && detail !== null) {
    const detailPath = { path: `${field.path}.detail`, label: field.label };
    if (typeof detail !== 'string') errors.field(detailPath, 'số nhà, đường, thôn/xóm cần nhập bằng chữ.', 'the street detail must be text.');
    else if (codePoints(detail) > 300) errors.field(detailPath, `số nhà, đường, thôn/xóm tối đa 300 ký tự (đang có ${codePoints(detail)}).`, 'the street detail is longer than 300 characters.');
  }
}

/** Checks a non-empty answer of a leaf question. */
function checkLeaf(errors: Errors, field: Field, q: LeafQuestion, value: unknown, ctx: ValidationContext): void {
  switch (q.type) {
    case 'text':
    case 'textarea':
      return checkText(errors, field, q, value);
    case 'number':
      return checkNumber(errors, field, q, value);
    case 'date':
      return checkDate(errors, field, q, value, ctx.today);
    case 'select':
    case 'radio':
      return checkChoice(errors, field, q, value);
    case 'checkbox':
      if (typeof value !== 'boolean') errors.field(field, 'cần trả lời có hoặc không.', 'must be yes or no.');
      return;
    case 'cccd':
      return checkCccd(errors, field, value, ctx.today);
    case 'phone':
      if (typeof value !== 'string' || !phonePattern.test(value.replace(/[\s.\-()]/g, ''))) {
        errors.field(field, 'số điện thoại cần có 10 chữ số, bắt đầu bằng 0 (ví dụ 0912 345 678), hoặc dạng +84 912 345 678.', 'a phone number has 10 digits starting with 0 (0912 345 678), or the +84 912 345 678 form.');
      }
      return;
    case 'email':
      if (typeof value !== 'string' || value.length > 254 || !emailPattern.test(value)) {
        errors.field(field, 'địa chỉ thư điện tử không đúng dạng (ví dụ ten@example.com).', 'not an e-mail address (for example name@example.com).');
      }
      return;
    case 'address':
      return checkAddress(errors, field, value, ctx.units);
    case 'file':
      if (typeof value !== 'string' || !sha256Pattern.test(value)) errors.field(field, 'tệp đính kèm không hợp lệ. Hãy quét hoặc đính kèm lại.', 'not a valid attachment. Scan or attach it again.');
      return;
  }
}

/** Checks one question in its scope (top level or a group item); skips it when hidden. */
function checkQuestion(errors: Errors, field: Field, q: LeafQuestion, value: unknown, lookup: AnswerLookup, ctx: ValidationContext): void {
  if (q.showIf && !evaluateCondition(q.showIf, lookup, ctx.today)) return;
  const required = isRequired(q, lookup, ctx.today);
  if (q.type === 'checkbox' && required && value === false) {
    requiredMessage(errors, field, q);
    return;
  }
  if (isEmptyAnswer(value)) {
    // A partly filled address is checked part by part below; an empty one is simply missing.
    if (required) requiredMessage(errors, field, q);
    return;
  }
  checkLeaf(errors, field, q, value, ctx);
}

function checkGroup(errors: Errors, q: GroupQuestion, value: unknown, answers: Record<string, unknown>, ctx: ValidationContext): void {
  const field = { path: q.id, label: q.label };
  if (q.showIf && !evaluateCondition(q.showIf, (id) => ownValue(answers, id), ctx.today)) return;
  if (value !== undefined && value !== null && !Array.isArray(value)) {
    errors.field(field, 'cần là một danh sách.', 'must be a list.');
    return;
  }
  const items: unknown[] = Array.isArray(value) ? value : [];
  const required = isRequired(q, (id) => ownValue(answers, id), ctx.today);
  if (items.length < q.minItems && (required || items.length > 0)) {
    errors.field(field, `cần ít nhất ${q.minItems} ${q.itemLabel.toLowerCase()} (đang có ${items.length}).`, `needs at least ${q.minItems} item(s) (has ${items.length}).`);
  }
  if (items.length > q.maxItems) {
    errors.field(field, `tối đa ${q.maxItems} ${q.itemLabel.toLowerCase()} (đang có ${items.length}).`, `at most ${q.maxItems} item(s) (has ${items.length}).`);
  }
  const ids = new Set(q.questions.map((s) => s.id));
  items.forEach((item, index) => {
    const itemPath = `${q.id}[${index}]`;
    const itemName = q.maxItems > 1 ? `${q.itemLabel} thứ ${index + 1}` : q.itemLabel;
    if (!isRecord(item)) {
      errors.add(itemPath, `${itemName}: thông tin không đúng dạng.`, `"${itemName}": not a set of answers.`);
      return;
    }
    for (const key of Object.keys(item)) {
      if (!ids.has(key)) errors.add(`${itemPath}.${key}`, `${itemName}: trường "${key}" không có trong tờ khai của thủ tục này.`, `"${itemName}": field "${key}" is not part of this form.`);
    }
    const lookup = itemLookup(ids, item, answers);
    for (const sub of q.questions) {
      checkQuestion(errors, { path: `${itemPath}.${sub.id}`, label: `${sub.label} (${itemName})` }, sub, ownValue(item, sub.id), lookup, ctx);
    }
  });
}

/**
 * Checks answers against a procedure definition: required (only when shown), unknown keys,
 * the checks of each question type, addresses against the 2025 units, groups item by item.
 * Never throws, whatever the input; every error names its answer path and the field's label.
 */
export function validateAnswers(definition: ProcedureDefinition, answers: unknown, ctx: ValidationContext): FieldError[] {
  const errors = new Errors();
  if (!isRecord(answers)) {
    errors.add('(input)', 'Câu trả lời không đúng dạng (cần một bộ câu trả lời).', 'Answers must be an object of question ids to values.');
    return errors.list;
  }
  const questions = definition.steps.flatMap((s) => s.questions);
  const ids = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(answers)) {
    if (!ids.has(key)) errors.add(key, `Trường "${key}" không có trong tờ khai của thủ tục này.`, `Field "${key}" is not part of this procedure's form.`);
  }
  const lookup: AnswerLookup = (id) => ownValue(answers, id);
  for (const q of questions) {
    const value = ownValue(answers, q.id);
    if (q.type === 'group') checkGroup(errors, q, value, answers, ctx);
    else checkQuestion(errors, { path: q.id, label: q.label }, q, value, lookup, ctx);
  }
  return errors.list;
}
