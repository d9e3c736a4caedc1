import fs from 'node:fs';
import path from 'node:path';
import { validateAnswers, vietnamToday, type UnitsLookup } from '../../contract/answers/index';
import { formatPath } from '../../contract/validation';
import { procedureDefinitionSchema, type Condition, type ProcedureDefinition, type Question } from '../../contract/procedure';
import { loadAdminUnits } from './adminUnits';

/** A procedure definition file that cannot be used, named with the file and what is wrong. */
export class DefinitionError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'DefinitionError';
  }
}

function conditionQuestions(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionQuestions);
  if ('any' in condition) return condition.any.flatMap(conditionQuestions);
  if ('not' in condition) return conditionQuestions(condition.not);
  return [condition.question];
}

/**
 * The checks zod cannot express: references between parts of one definition, and its example.
 * Returns the problems (empty when the definition is sound).
 */
export function crossCheckDefinition(definition: ProcedureDefinition, fileName: string, ctx: { units: UnitsLookup; today: string }): string[] {
  const problems: string[] = [];
  if (fileName !== `${definition.code}.json`) problems.push(`file name must be ${definition.code}.json (the procedure code)`);

  const topLevel = new Map<string, Question>();
  for (const step of definition.steps) {
    for (const q of step.questions) {
      if (topLevel.has(q.id)) problems.push(`question id "${q.id}" is used twice`);
      topLevel.set(q.id, q);
    }
  }
  const stepIds = definition.steps.map((s) => s.id);
  for (const id of new Set(stepIds)) if (stepIds.filter((s) => s === id).length > 1) problems.push(`step id "${id}" is used twice`);

  const kinds = definition.documents.map((d) => d.kind);
  for (const kind of new Set(kinds)) if (kinds.filter((k) => k === kind).length > 1) problems.push(`document kind "${kind}" is listed twice`);

  const checkCondition = (condition: Condition | undefined, where: string, scope?: Set<string>) => {
    if (!condition) return;
    for (const id of conditionQuestions(condition)) {
      if (!topLevel.has(id) && !scope?.has(id)) problems.push(`${where} names question "${id}", which does not exist${scope ? ' in its group or at the top level' : ''}`);
    }
  };
  const checkPattern = (pattern: string | undefined, where: string) => {
    if (pattern === undefined) return;
    try {
      new RegExp(pattern, 'u');
    } catch {
      problems.push(`${where}: pattern ${pattern} is not a valid regular expression`);
    }
  };
  const checkOptions = (q: Question, where: string) => {
    if (q.type !== 'select' && q.type !== 'radio') return;
    const values = q.options.map((o) => o.value);
    if (new Set(values).size !== values.length) problems.push(`${where}: option values must be unique`);
  };
  const checkFile = (q: Question, where: string) => {
    if (q.type === 'file' && !kinds.includes(q.documentKind)) problems.push(`${where}: documentKind "${q.documentKind}" is not a document of this procedure`);
  };

  for (const q of topLevel.values()) {
    const where = `question "${q.id}"`;
    checkCondition(q.showIf, `${where} showIf`);
    checkCondition(q.requiredIf, `${where} requiredIf`);
    checkOptions(q, where);
    checkFile(q, where);
    if (q.type === 'text' || q.type === 'textarea') checkPattern(q.pattern, where);
    if (q.type === 'group') {
      if (q.minItems > q.maxItems) problems.push(`${where}: minItems ${q.minItems} is more than maxItems ${q.maxItems}`);
      const scope = new Set<string>();
      for (const sub of q.questions) {
        if (scope.has(sub.id)) problems.push(`${where}: sub-question id "${sub.id}" is used twice in the group`);
        scope.add(sub.id);
      }
      for (const sub of q.questions) {
        const subWhere = `question "${q.id}[].${sub.id}"`;
        checkCondition(sub.showIf, `${subWhere} showIf`, scope);
        checkCondition(sub.requiredIf, `${subWhere} requiredIf`, scope);
        checkOptions(sub, subWhere);
        checkFile(sub, subWhere);
        if (sub.type === 'text' || sub.type === 'textarea') checkPattern(sub.pattern, subWhere);
      }
    }
  }

  definition.documents.forEach((d) => {
    checkCondition(d.requiredIf, `document "${d.kind}" requiredIf`);
    if (d.requiredIf && d.required) problems.push(`document "${d.kind}": with requiredIf, required must be false`);
  });
  definition.fees.forEach((fee, i) => {
    checkCondition(fee.appliesIf, `fee ${i} ("${fee.label}") appliesIf`);
    const rule = fee.perUnit;
    if (!rule) return;
    let scope: Map<string, Question> = topLevel;
    if (rule.group !== undefined) {
      const group = topLevel.get(rule.group);
      if (group?.type !== 'group') {
        problems.push(`fee ${i}: perUnit.group "${rule.group}" is not a group question`);
        return;
      }
      scope = new Map(group.questions.map((s) => [s.id, s]));
    }
    for (const id of [rule.unitsQuestion, rule.timesQuestion]) {
      if (id !== undefined && scope.get(id)?.type !== 'number') problems.push(`fee ${i}: perUnit names "${id}", which is not a number question${rule.group ? ` of group "${rule.group}"` : ''}`);
    }
    if (rule.tiers[0]?.fromUnit !== 1) problems.push(`fee ${i}: the first perUnit tier must start at unit 1`);
  });

  const checkPath = (answerPath: string, where: string) => {
    const m = /^([a-zA-Z0-9]+)(?:\[(\d+)\]\.([a-zA-Z0-9]+))?$/.exec(answerPath);
    const q = m ? topLevel.get(m[1]!) : undefined;
    if (!m || !q) {
      problems.push(`${where}: answer path "${answerPath}" names no question`);
      return;
    }
    if (m[2] !== undefined) {
      if (q.type !== 'group') problems.push(`${where}: "${m[1]}" is not a group, so "${answerPath}" cannot index it`);
      else if (Number(m[2]) >= q.maxItems) problems.push(`${where}: index ${m[2]} is beyond maxItems ${q.maxItems} of "${q.id}"`);
      else if (!q.questions.some((sub) => sub.id === m[3])) problems.push(`${where}: group "${q.id}" has no question "${m[3]}"`);
    }
  };
  definition.form.sections.forEach((section, s) => {
    for (const field of section.fields) {
      const where = `form section ${s} field "${field.label}"`;
      checkPath(field.answer, where);
      if (field.fallback !== undefined) checkPath(field.fallback, `${where} fallback`);
    }
  });

  const exampleErrors = validateAnswers(definition, definition.example, ctx);
  for (const e of exampleErrors) problems.push(`example: ${e.path}: ${e.message_en}`);
  return problems;
}

/** Parses and cross-checks one definition file; throws DefinitionError naming the file. */
export function loadDefinitionFile(file: string, ctx: { units: UnitsLookup; today: string }): ProcedureDefinition {
  const name = path.basename(file);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DefinitionError(name, [`not readable JSON: ${(error as Error).message}`]);
  }
  const parsed = procedureDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DefinitionError(
      name,
      parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    );
  }
  const problems = crossCheckDefinition(parsed.data, name, ctx);
  if (problems.length > 0) throw new DefinitionError(name, problems);
  return parsed.data;
}

export interface LoadDefinitionsOptions {
  /** Units for checking the examples' addresses; default: the ones shipped in resourcesDir. */
  units?: UnitsLookup;
  /** Today (YYYY-MM-DD, Vietnam time) for the examples' dates; default: the clock. */
  today?: string;
}

/**
 * Every `<code>.json` in `<resourcesDir>/procedures/`, parsed and cross-checked, sorted by code.
 * One broken definition stops the load with an error naming its file: a counter must never offer
 * a procedure whose data is wrong.
 */
export function loadDefinitions(resourcesDir: string, options: LoadDefinitionsOptions = {}): ProcedureDefinition[] {
  const dir = path.join(resourcesDir, 'procedures');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'procedure.schema.json')
    .sort();
  const ctx = { units: options.units ?? loadAdminUnits(resourcesDir).lookup, today: options.today ?? vietnamToday() };
  return files.map((f) => loadDefinitionFile(path.join(dir, f), ctx));
}
