import type { Dossier } from '../../contract/dossiers';
import type { GatewayClient } from './gatewayClient';
import { buildManifest, type DossierManifest } from './manifest';
import type { Outbox } from './outbox';
import { uploadResumably } from './tusUpload';

export interface CommitAnswer {
  id: string;
  dossierCode: string;
  status: number;
  replayed: boolean;
}

export type SendOutcome = { kind: 'sent' | 'alreadyPresent'; dossierCode: string };

export interface SenderDeps {
  gateway: GatewayClient;
  outbox: Outbox;
  dossier(id: string): Dossier;
  attachment(sha256: string): Uint8Array;
  onFirstByte?: () => void;
}

/**
 * Sends one dossier: manifest, missing attachments (resumable), commit. Every step is idempotent at the
 * receiver, so a crash or a reset anywhere is repaired by running this again from the start.
 */
export async function sendDossier(deps: SenderDeps, dossierId: string): Promise<SendOutcome> {
  const dossier = deps.dossier(dossierId);
  const manifest = buildManifest(dossier);
  return sendManifest(deps, manifest, (sha) => deps.attachment(sha));
}

export async function sendManifest(deps: Omit<SenderDeps, 'dossier' | 'attachment'>, manifest: DossierManifest, bytesOf: (sha256: string) => Uint8Array): Promise<SendOutcome> {
  const { gateway, outbox } = deps;
  let first = true;
  const firstByte = () => {
    if (first) deps.onFirstByte?.();
    first = false;
  };
  firstByte();
  const posted = await gateway.request<CommitAnswer | { missing: string[] }>('POST', '/v1/dossiers', manifest);
  if (posted.status === 200 && 'dossierCode' in posted.body) return { kind: 'alreadyPresent', dossierCode: posted.body.dossierCode };
  const missing = 'missing' in posted.body ? posted.body.missing : [];
  for (const sha256 of missing) {
    const content = Buffer.from(bytesOf(sha256));
    await uploadResumably({
      endpoint: gateway.url('/v1/uploads'),
      content,
      metadata: { dossierId: manifest.id, sha256 },
      uploadUrl: outbox.uploadUrl(manifest.id, sha256),
      saveUrl: (url) => outbox.saveUploadUrl(manifest.id, sha256, url),
    });
  }
  const committed = await gateway.request<CommitAnswer>('POST', `/v1/dossiers/${manifest.id}/commit`, { contentSha256: manifest.contentSha256 });
  return { kind: committed.body.replayed ? 'alreadyPresent' : 'sent', dossierCode: committed.body.dossierCode };
}
