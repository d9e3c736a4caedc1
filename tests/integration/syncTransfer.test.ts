import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { motcua } from '../support/cli';
import { startSim } from '../support/portalSim';
import { counterServices, queueDossiers } from '../support/syncFixtures';
import { tempDir } from '../support/tempDir';

function json<T>(run: { status: number | null; stdout: string; stderr: string }, status = 0): T {
  expect(run.status, run.stderr).toBe(status);
  return JSON.parse(run.stdout) as T;
}

describe('offline transfer by USB drive', () => {
  it('export → import on a connected machine → the original machine syncs later: every dossier once', async () => {
    const dir = tempDir();
    const machineA = path.join(dir, 'commune');
    const machineB = path.join(dir, 'district');
    const usb = path.join(dir, 'usb');
    fs.mkdirSync(usb);
    const env = { TRANSFER_KEY: 'chuyen-ho-so-2026' };
    const sim = await startSim({ db: path.join(dir, 'sim.sqlite') });
    try {
      const services = await counterServices(machineA);
      const ids = queueDossiers(services, 3, { bytes: 50_000 });
      services.close();

      const exported = json<{ out: string; dossiers: number; bytes: number; signer: string }>(motcua(['sync', 'export', '--out', usb, '--key-env', 'TRANSFER_KEY', '--data-dir', machineA, '--json'], env));
      expect(exported.dossiers).toBe(3);
      expect(exported.signer).toMatch(/^[0-9a-f]{32}$/);
      // Encrypted: nothing of the resident's answers is readable on the drive.
      const raw = fs.readFileSync(exported.out);
      expect(raw.includes(Buffer.from('Nguyễn Văn An'))).toBe(false);
      expect(raw.includes(Buffer.from('%PDF-1.4'))).toBe(false);

      const g = ['--data-dir', machineB, '--json', '--gateway', sim.url];
      // Wrong passphrase, a changed byte, a different expected signer: refused, nothing sent.
      expect(json<{ error: { code: string } }>(motcua(['sync', 'import', '--in', exported.out, '--key-env', 'TRANSFER_KEY', ...g], { TRANSFER_KEY: 'mat-khau-sai-123' }), 1).error.code).toBe('BUNDLE_KEY_INCORRECT');
      const tampered = path.join(usb, 'tampered.mcb');
      const doc = JSON.parse(raw.toString()) as { ciphertext: string };
      doc.ciphertext = `A${doc.ciphertext.slice(1)}` === doc.ciphertext ? `B${doc.ciphertext.slice(1)}` : `A${doc.ciphertext.slice(1)}`;
      fs.writeFileSync(tampered, JSON.stringify(doc));
      expect(json<{ error: { code: string } }>(motcua(['sync', 'import', '--in', tampered, '--key-env', 'TRANSFER_KEY', ...g], env), 1).error.code).toBe('BUNDLE_SIGNATURE_INVALID');
      expect(json<{ error: { code: string } }>(motcua(['sync', 'import', '--in', exported.out, '--key-env', 'TRANSFER_KEY', '--signer', '0'.repeat(32), ...g], env), 1).error.code).toBe('BUNDLE_SIGNER_UNTRUSTED');
      expect(await sim.dossiers()).toHaveLength(0);

      const imported = json<{ dossiers: number; sent: number; alreadyPresent: number; failed: unknown[]; signer: string }>(motcua(['sync', 'import', '--in', exported.out, '--key-env', 'TRANSFER_KEY', '--signer', exported.signer, ...g], env));
      expect(imported).toEqual({ dossiers: 3, sent: 3, alreadyPresent: 0, failed: [], signer: exported.signer });

      // The link at the commune comes back: its own outbox still holds the three; the receiver already has them.
      const later = json<{ sent: number; alreadyPresent: number; failed: number; pending: number }>(motcua(['sync', '--gateway', sim.url, '--once', '--data-dir', machineA, '--json']));
      expect(later).toEqual({ sent: 0, alreadyPresent: 3, failed: 0, pending: 0 });
      const held = await sim.dossiers();
      expect(held.map((d) => d.id).sort()).toEqual([...ids].sort());
      for (const id of ids) {
        const shown = json<{ dossierCode: string }>(motcua(['dossiers', 'show', id, '--data-dir', machineA, '--json']));
        expect(shown.dossierCode).toBe(held.find((d) => d.id === id)!.dossierCode);
      }
    } finally {
      await sim.stop();
    }
  }, 180_000);
});
