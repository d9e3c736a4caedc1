/** Fault injection, changeable at run time through POST /v1/admin/faults. */
export interface Faults {
  /** Share of requests (health and admin excepted) that fail in one of the ways below. */
  failRate: number;
  /** Of the failures: share that are connection resets (before or after the work is done). */
  resetShare: number;
  /** Of the failures on PATCH: share that cut the upload part-way through the body. */
  cutShare: number;
  latencyMs: number;
  /** One-shot: the next PATCH whose bytes cross this offset of its upload is cut exactly there. */
  cutUploadAtOffset: number | null;
  /** Procedure codes refused permanently (422 PROCEDURE_NOT_ACCEPTED). */
  refuseProcedures: string[];
}

export type FaultKind = 'none' | 'reset-before' | 'reset-after' | 'error' | 'cut';

export function defaultFaults(): Faults {
  return { failRate: 0, resetShare: 0.5, cutShare: 0.5, latencyMs: 0, cutUploadAtOffset: null, refuseProcedures: [] };
}

export function drawFault(faults: Faults, isPatch: boolean, random: () => number = Math.random): FaultKind {
  if (faults.failRate <= 0 || random() >= faults.failRate) return 'none';
  if (isPatch && random() < faults.cutShare) return 'cut';
  if (random() < faults.resetShare) return random() < 0.5 ? 'reset-before' : 'reset-after';
  return 'error';
}
