import { createHash } from 'node:crypto';
import type { Dossier } from '../../contract/dossiers';
import { canonicalJson } from '../canonicalJson';

export interface DossierManifest {
  id: string;
  contentSha256: string;
  manifest: {
    procedureCode: string;
    definitionVersion: string;
    agencyCode: string;
    agencyName: string;
    localReference: string;
    queuedAt: string;
    /** KenhThucHien: 1 in person (at the counter or the commune's kiosk). */
    channel: 1;
    answers: Dossier['answers'];
    attachments: { sha256: string; bytes: number; documentKind: string }[];
  };
}

/** The manifest of docs/sync-protocol.md §3.1; deterministic, so every retry carries the same hash. */
export function buildManifest(dossier: Dossier): DossierManifest {
  const manifest: DossierManifest['manifest'] = {
    procedureCode: dossier.procedureCode,
    definitionVersion: dossier.definitionVersion,
    agencyCode: dossier.agencyCode,
    agencyName: dossier.agencyName,
    localReference: dossier.localReference,
    queuedAt: dossier.receivedAt,
    channel: 1,
    answers: dossier.answers,
    attachments: dossier.attachments.map((a) => ({ sha256: a.sha256, bytes: a.bytes, documentKind: a.documentKind })),
  };
  return { id: dossier.id, contentSha256: createHash('sha256').update(canonicalJson(manifest)).digest('hex'), manifest };
}
