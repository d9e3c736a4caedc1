import type { Answers, ProcedureDefinition } from '../procedure';
import { isShown } from './conditions';

type DocumentRequirement = ProcedureDefinition['documents'][number];

/** Whether a document is required for these answers: `requiredIf` when given, else `required`. */
export function isDocumentRequired(document: DocumentRequirement, answers: Answers, today?: string): boolean {
  return document.requiredIf ? isShown(document.requiredIf, answers, today) : document.required;
}

/**
 * Required documents still to attach: handed-in ones ('submit') whose condition holds, that the app
 * does not print itself (`fromForm`), and of which no file of that kind is attached. Papers that are
 * only shown (xuất trình) are checked by the official at the counter, not here.
 */
export function missingDocuments(definition: ProcedureDefinition, answers: Answers, attachedKinds: readonly string[], today?: string): DocumentRequirement[] {
  const attached = new Set(attachedKinds);
  return definition.documents.filter(
    (d) => d.handling === 'submit' && d.fromForm !== true && isDocumentRequired(d, answers, today) && !attached.has(d.kind),
  );
}
