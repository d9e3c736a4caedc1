import type { Answers, ProcedureDefinition } from '../../contract/procedure';

/**
 * Carries a draft's answers to a newer version of its definition: answers to questions that still
 * exist are kept; answers to questions the new version dropped are set aside (stored beside the
 * draft, never silently lost), and the validator then asks for whatever the new version added.
 */
export function migrateAnswers(definition: ProcedureDefinition, answers: Answers): { answers: Answers; retired: Answers } {
  const known = new Set(definition.steps.flatMap((s) => s.questions.map((q) => q.id)));
  const kept: Answers = {};
  const retired: Answers = {};
  for (const [key, value] of Object.entries(answers)) {
    if (known.has(key)) kept[key] = value;
    else retired[key] = value;
  }
  return { answers: kept, retired };
}
