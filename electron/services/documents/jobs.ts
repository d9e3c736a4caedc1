/**
 * Render jobs: plain data (structured-clone safe) naming what to render, so one function serves
 * the worker thread and direct callers (tests, the CLI) alike.
 */
import type { ProcedureDefinition } from '../../contract/procedure';
import { renderApplicationFormDocument, type ApplicationFormOptions } from './applicationForm';
import { documentResources } from './fonts';
import { renderReceiptDocument, type ReceiptData, type RenderedDocument } from './receipt';

export type DocumentJob =
  | { kind: 'receipt'; resourcesDir: string; data: ReceiptData }
  | {
      kind: 'application';
      resourcesDir: string;
      definition: ProcedureDefinition;
      answers: Record<string, unknown>;
      /** Names of the provinces/communes the answers mention (code → full name): see `unitCodesIn`. */
      unitNames: Record<string, string>;
      options?: Omit<ApplicationFormOptions, 'resources' | 'unitName'>;
    };

export async function runDocumentJob(job: DocumentJob): Promise<RenderedDocument> {
  const resources = documentResources(job.resourcesDir);
  if (job.kind === 'receipt') return renderReceiptDocument(job.data, resources);
  return renderApplicationFormDocument(job.definition, job.answers, {
    ...job.options,
    resources,
    unitName: (code) => job.unitNames[code] ?? null,
  });
}

/** Every province and commune code in address answers (top level and inside groups). */
export function unitCodesIn(answers: Record<string, unknown>): string[] {
  const codes = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (typeof v.provinceCode === 'string') codes.add(v.provinceCode);
      if (typeof v.communeCode === 'string') codes.add(v.communeCode);
      Object.values(v).forEach(visit);
    }
  };
  visit(answers);
  return [...codes];
}
