import { spawnSync } from 'node:child_process';

export interface PdfsigEntry {
  field: string;
  valid: boolean;
  totalDocumentSigned: boolean;
  subFilter: string | null;
  signer: string | null;
}

/**
 * Runs poppler's pdfsig and reads its TEXT: its exit code is 0 even for a broken signature.
 * One entry per "Signature #n" block.
 */
export function pdfsig(file: string): { entries: PdfsigEntry[]; text: string } {
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  const text = `${run.stdout}\n${run.stderr}`;
  const blocks = run.stdout.split(/^Signature #\d+:$/m).slice(1);
  const entries = blocks.map((block) => ({
    field: /Signature Field Name: (.*)/.exec(block)?.[1]?.trim() ?? '',
    valid: /Signature Validation: Signature is Valid\./.test(block),
    totalDocumentSigned: /^\s*- Total document signed$/m.test(block),
    subFilter: /Signature Type: (.*)/.exec(block)?.[1]?.trim() ?? null,
    signer: /Signer Certificate Common Name: (.*)/.exec(block)?.[1]?.trim() ?? null,
  }));
  return { entries, text };
}
