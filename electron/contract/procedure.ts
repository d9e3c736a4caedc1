import { z } from 'zod';

/**
 * The format of a procedure definition (resources/procedures/<code>.json). Procedures are data,
 * not code: Luật Hộ tịch 2026 re-issues forms and codes on 1 March 2027, and a province may need
 * its own variant. The committed JSON Schema (resources/procedures/procedure.schema.json) is
 * generated from this file; a test keeps the two equal.
 */

export const procedureCodeSchema = z.string().regex(/^\d\.\d{6}$/);

/**
 * Answer paths — one spelling for answers, field errors (`FieldError.path`), form fields and the
 * renderer's URLs/DOM ids (the same spelling as `formatPath` in validation.ts):
 *   `questionId`                 a top-level answer (an address question's path names the whole
 *                                {provinceCode, communeCode, detail} object; a group's id names its list)
 *   `groupId[index].questionId`  a question inside item `index` (0-based) of a repeatable group
 *   `addressId.communeCode`      a part of an address answer (used by field errors only)
 * Ids are lowerCamelCase ASCII. Conditions (`showIf`, `requiredIf`, `appliesIf`) name a question by
 * its bare id: inside a group, a sibling of the same item first, then a top-level question.
 */
export const questionIdPattern = /^[a-z][a-zA-Z0-9]*$/;
export const answerPathSchema = z.string().regex(/^[a-z][a-zA-Z0-9]*(\[\d+\]\.[a-z][a-zA-Z0-9]*)?$/);

/** When a question (or a document) applies, in terms of other answers. */
export type Condition =
  | { question: string; equals: string | number | boolean }
  | { question: string; in: (string | number)[] }
  | { question: string; notEmpty: true }
  | { question: string; moreThanDaysAgo: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ question: z.string(), equals: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
    z.object({ question: z.string(), in: z.array(z.union([z.string(), z.number()])).min(1) }).strict(),
    z.object({ question: z.string(), notEmpty: z.literal(true) }).strict(),
    /** The answer is a real date more than N days before today (Vietnam time): late registration. */
    z.object({ question: z.string(), moreThanDaysAgo: z.number().int().min(0) }).strict(),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
).meta({ id: 'Condition', description: 'When a question is shown, a document required or a fee due, in terms of other answers.' });

export const optionSchema = z.object({ value: z.string().min(1), label: z.string().min(1) }).strict();

/** Which field of the citizen ID card's QR code may fill a question (issue: identity input). */
export const cccdFieldSchema = z.enum(['idNumber', 'oldIdNumber', 'fullName', 'dateOfBirth', 'sex', 'address', 'issueDate']);

const questionBase = {
  id: z.string().regex(questionIdPattern),
  label: z.string().min(1),
  hint: z.string().optional(),
  /** Spoken/help text for the kiosk's one-question page; the label is used when absent. */
  help: z.string().optional(),
  required: z.boolean().default(true),
  /**
   * Required only when this holds (overrides `required`), e.g. the form's "(2) chỉ ghi khi chưa có
   * số định danh cá nhân": the field is shown and may be answered, but is needed only without an ID.
   */
  requiredIf: conditionSchema.optional(),
  showIf: conditionSchema.optional(),
  /** Filled from this field of the CCCD QR code, after the resident confirms. */
  cccdField: cccdFieldSchema.optional(),
};

export const textQuestionSchema = z
  .object({
    ...questionBase,
    type: z.enum(['text', 'textarea']),
    minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(1).default(200),
    pattern: z.string().optional(),
    /** Vietnamese message for a value that does not match `pattern`. */
    patternMessage: z.string().optional(),
  })
  .strict();

export const numberQuestionSchema = z
  .object({ ...questionBase, type: z.literal('number'), min: z.number().optional(), max: z.number().optional(), integer: z.boolean().default(true) })
  .strict();

export const dateQuestionSchema = z
  .object({
    ...questionBase,
    type: z.literal('date'),
    /** 'past': not after today (births, deaths); 'future': not before today (appointments). */
    range: z.enum(['any', 'past', 'future']).default('past'),
  })
  .strict();

export const choiceQuestionSchema = z
  .object({ ...questionBase, type: z.enum(['select', 'radio']), options: z.array(optionSchema).min(2) })
  .strict();

export const checkboxQuestionSchema = z.object({ ...questionBase, type: z.literal('checkbox'), required: z.boolean().default(false) }).strict();

/** CCCD number, phone, email: typed fields with the checks of their own kind. */
export const typedQuestionSchema = z.object({ ...questionBase, type: z.enum(['cccd', 'phone', 'email']) }).strict();

/** An address: province and commune of the 2025 two-tier units, plus the street detail. */
export const addressQuestionSchema = z.object({ ...questionBase, type: z.literal('address') }).strict();

/** A file attached to the answer (a scan of a paper), naming the document kind it provides. */
export const fileQuestionSchema = z.object({ ...questionBase, type: z.literal('file'), documentKind: z.string() }).strict();

export type LeafQuestion =
  | z.infer<typeof textQuestionSchema>
  | z.infer<typeof numberQuestionSchema>
  | z.infer<typeof dateQuestionSchema>
  | z.infer<typeof choiceQuestionSchema>
  | z.infer<typeof checkboxQuestionSchema>
  | z.infer<typeof typedQuestionSchema>
  | z.infer<typeof addressQuestionSchema>
  | z.infer<typeof fileQuestionSchema>;

export const leafQuestionSchema = z.discriminatedUnion('type', [
  textQuestionSchema,
  numberQuestionSchema,
  dateQuestionSchema,
  choiceQuestionSchema,
  checkboxQuestionSchema,
  typedQuestionSchema,
  addressQuestionSchema,
  fileQuestionSchema,
]);

/** A repeatable group of questions (parents, household members): answered as a list of objects. */
export const groupQuestionSchema = z
  .object({
    ...questionBase,
    type: z.literal('group'),
    minItems: z.number().int().min(0).default(1),
    maxItems: z.number().int().min(1).default(1),
    /** Label of one item, e.g. "Người cha". */
    itemLabel: z.string().min(1),
    questions: z.array(leafQuestionSchema).min(1),
  })
  .strict();

export const questionSchema = z.discriminatedUnion('type', [
  textQuestionSchema,
  numberQuestionSchema,
  dateQuestionSchema,
  choiceQuestionSchema,
  checkboxQuestionSchema,
  typedQuestionSchema,
  addressQuestionSchema,
  fileQuestionSchema,
  groupQuestionSchema,
]);
export type Question = z.infer<typeof questionSchema>;

export const stepSchema = z
  .object({ id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/), title: z.string().min(1), description: z.string().optional(), questions: z.array(questionSchema).min(1) })
  .strict();

export const documentRequirementSchema = z
  .object({
    /** Stable id of the document kind, used by attachments and scans (`giayChungSinh`). */
    kind: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
    name: z.string().min(1),
    /** Bản chính / bản sao counts as the procedure lists them. */
    originals: z.number().int().min(0),
    copies: z.number().int().min(0),
    /** 'submit': handed in; 'show': shown and handed back (xuất trình). */
    handling: z.enum(['submit', 'show']).default('submit'),
    required: z.boolean(),
    /** A document required only when this holds (then `required` must be false). */
    requiredIf: conditionSchema.optional(),
    /** The declaration the app prints from the answers (Tờ khai): never "missing" as an attachment. */
    fromForm: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();

/**
 * A fee computed from counted answers: Σ over units of the tier's amount, capped per time, times
 * `timesQuestion`; summed over the items of `group` when given. Chứng thực bản sao (TT 226/2016):
 * tiers [{fromUnit 1, 2000}, {fromUnit 3, 1000}], maxVndPerTime 200000, units = pages, times = copies.
 */
export const perUnitFeeSchema = z
  .object({
    /** A group whose items each carry the counts (several documents); absent: top-level questions. */
    group: z.string().optional(),
    /** Number question counting the units (pages). */
    unitsQuestion: z.string(),
    /** Number question multiplying the result (copies); 1 when absent. */
    timesQuestion: z.string().optional(),
    /** From unit N on (1-based), each unit costs amountVndPerUnit; sorted by fromUnit, first is 1. */
    tiers: z.array(z.object({ fromUnit: z.number().int().min(1), amountVndPerUnit: z.number().int().min(0) }).strict()).min(1),
    maxVndPerTime: z.number().int().min(0).optional(),
  })
  .strict();

export const feeSchema = z
  .object({
    label: z.string().min(1),
    /**
     * Fixed amount (0 = miễn). With `perUnit` it is a base added to the computed part (usually 0).
     * When `amountSource` is not 'fixed', 0 here is a placeholder: show the note, never "miễn phí".
     */
    amountVnd: z.number().int().min(0),
    channel: z.enum(['any', 'in_person', 'online']).default('any'),
    /** The fee applies only when this holds (e.g. late registration). */
    appliesIf: conditionSchema.optional(),
    /**
     * Where the amount comes from. Absent or 'fixed': `amountVnd` is the amount. 'provincial_council':
     * set by the province's HĐND resolution (configure per province). 'unverified': a fee is due but
     * the amount was not verified (see note).
     */
    amountSource: z.enum(['fixed', 'provincial_council', 'unverified']).optional(),
    perUnit: perUnitFeeSchema.optional(),
    note: z.string().optional(),
  })
  .strict();

/** One field of the filled application form: the paper's label and the answer path it prints. */
export const formFieldSchema = z
  .object({
    label: z.string().min(1),
    answer: answerPathSchema,
    /** Printed instead when `answer` is empty or hidden (the requester is the person concerned). */
    fallback: answerPathSchema.optional(),
  })
  .strict();
export const formSectionSchema = z.object({ heading: z.string().optional(), fields: z.array(formFieldSchema).min(1) }).strict();

export const procedureDefinitionSchema = z
  .object({
    format: z.literal(1),
    code: procedureCodeSchema,
    /** The definition's own version; a draft keeps the version it started with. */
    version: z.string().regex(/^\d{4}\.\d+$/),
    name: z.string().min(1),
    officialName: z.string().min(1),
    sector: z.string().min(1),
    level: z.enum(['toan_trinh', 'mot_phan']),
    agency: z
      .object({
        /** Who receives and decides, after the 2025 reform. */
        name: z.string().min(1),
        kind: z.enum(['commune_people_committee', 'commune_police', 'other']),
      })
      .strict(),
    fees: z.array(feeSchema),
    processing: z
      .object({
        workingDays: z.number().int().min(0),
        /** Received after this local time (HH:mm), the count starts the next working day. */
        sameDayCutoff: z.string().regex(/^\d{2}:\d{2}$/).optional(),
        note: z.string().optional(),
      })
      .strict(),
    legalBasis: z.array(z.string().min(1)).min(1),
    keywords: z.array(z.string().min(1)),
    synonyms: z.array(z.string().min(1)),
    steps: z.array(stepSchema).min(1),
    documents: z.array(documentRequirementSchema),
    /** A complete, valid answer set (docs, demos, tests, `motcua catalogue example`). */
    example: z.record(z.string(), z.unknown()),
    form: z.object({ title: z.string().min(1), formNumber: z.string().optional(), sections: z.array(formSectionSchema).min(1) }).strict(),
    /** Where each fact came from, and how far it was verified (shared/data/procedures-reference.md). */
    sources: z.array(z.string().min(1)).min(1),
    /** Facts kept in this definition that the reference marks UNVERIFIED (to check before shipping). */
    unverified: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type ProcedureDefinition = z.infer<typeof procedureDefinitionSchema>;
export type ProcedureDefinitionInput = z.input<typeof procedureDefinitionSchema>;

/** Answers: question id → value. Groups hold arrays of answer objects; an address is {provinceCode, communeCode, detail}. */
export const answersSchema = z.record(z.string(), z.unknown());
export type Answers = z.infer<typeof answersSchema>;

export const addressAnswerSchema = z
  .object({ provinceCode: z.string().regex(/^\d{2}$/), communeCode: z.string().regex(/^\d{5}$/), detail: z.string().max(300).default('') })
  .strict();
export type AddressAnswer = z.infer<typeof addressAnswerSchema>;
