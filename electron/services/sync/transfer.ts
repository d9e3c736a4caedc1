import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { DataCipher } from '../crypto/dataCipher';
import { fingerprintOf, openBundle, sealBundle, type BundleContent } from './bundle';
import { buildManifest } from './manifest';
import type { Outbox } from './outbox';
import { sendManifest, type SendOutcome } from './sender';
import type { GatewayClient } from './gatewayClient';
import { SyncError } from './failures';
import type { Dossier } from '../../contract/dossiers';

/** This machine's bundle-signing key (Ed25519), created on first export, stored encrypted like any secret. */
export function transferSigningKey(outbox: Outbox, cipher: DataCipher): KeyObject {
  const stored = outbox.state('transferSigningKey');
  if (stored) return createPrivateKey(cipher.decryptText(stored));
  const { privateKey } = generateKeyPairSync('ed25519');
  outbox.setState('transferSigningKey', cipher.encryptText(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()));
  return privateKey;
}

/** Every dossier not yet delivered, with its attachments, as one sealed bundle. */
export function exportQueue(deps: { outbox: Outbox; cipher: DataCipher; dossier(id: string): Dossier; attachment(sha256: string): Uint8Array; now: Date }, passphrase: string): { bundle: Buffer; dossiers: number; signer: string } {
  const items = deps.outbox.items(false);
  const content: BundleContent = {
    dossiers: items.map((item) => {
      const dossier = deps.dossier(item.dossierId);
      const attachments: Record<string, string> = {};
      for (const a of dossier.attachments) attachments[a.sha256] = Buffer.from(deps.attachment(a.sha256)).toString('base64');
      return { manifest: buildManifest(dossier), attachments };
    }),
  };
  const key = transferSigningKey(deps.outbox, deps.cipher);
  const bundle = sealBundle(content, passphrase, key, deps.now);
  return { bundle, dossiers: content.dossiers.length, signer: fingerprintOf(createPublicKey(key)) };
}

export interface ImportResult {
  dossiers: number;
  sent: number;
  alreadyPresent: number;
  failed: { id: string; code: string; message_vi: string; message_en: string }[];
  signer: string;
}

/** On a connected machine: sends every dossier of a bundle to the receiver with its original id. */
export async function importBundle(deps: { outbox: Outbox; gateway: GatewayClient }, raw: Buffer, passphrase: string, trustedSigner?: string): Promise<ImportResult> {
  const { content, signer } = openBundle(raw, passphrase, trustedSigner);
  const result: ImportResult = { dossiers: content.dossiers.length, sent: 0, alreadyPresent: 0, failed: [], signer };
  for (const d of content.dossiers) {
    const bytesOf = (sha256: string): Uint8Array => {
      const b64 = d.attachments[sha256];
      if (b64 === undefined) throw new Error(`attachment ${sha256} missing from the bundle`);
      const bytes = Buffer.from(b64, 'base64');
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error(`attachment ${sha256} does not match its hash`);
      return bytes;
    };
    try {
      const outcome: SendOutcome = await sendManifest({ gateway: deps.gateway, outbox: deps.outbox }, d.manifest, bytesOf);
      result[outcome.kind]++;
    } catch (error) {
      const f = error instanceof SyncError ? error.failure : { code: 'BUNDLE_INVALID', message_vi: (error as Error).message, message_en: (error as Error).message };
      result.failed.push({ id: d.manifest.id, code: f.code, message_vi: f.message_vi, message_en: f.message_en });
    }
  }
  return result;
}
