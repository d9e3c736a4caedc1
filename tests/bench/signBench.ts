/**
 * Signatures per second on a SoftHSM2 token through the product's path (PKCS#11 worker thread:
 * login + CKM_SHA256_RSA_PKCS + logout, then the PAdES CMS and incremental update), against
 * `openssl cms -sign` of the same PDF bytes with the same RSA key and certificate from files, in the
 * same run. The baseline pays a process start per signature, as a script calling openssl would.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { SigningService } from '../../electron/services/signing/signingService';
import { createSigningClient } from '../../electron/services/signing/createSigning';
import { createSoftHsmToken, softhsmModule } from '../support/softhsm';

const rounds = Number(process.env.BENCH_SIGN_ROUNDS ?? 20);

function perSecond(ms: number, count: number) {
  return { perSecond: Number(((count * 1000) / ms).toFixed(1)), msEach: Number((ms / count).toFixed(1)), count };
}

export async function signBench(): Promise<Record<string, unknown>> {
  const token = createSoftHsmToken();
  const previous = process.env.SOFTHSM2_CONF;
  process.env.SOFTHSM2_CONF = token.conf;
  const client = createSigningClient();
  const service = new SigningService(client, { resourcesDir: path.resolve('resources'), now: () => new Date() });
  try {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('bench');
    const pdf = await doc.save();
    const input = path.join(token.dir, 'bench.pdf');
    fs.writeFileSync(input, pdf);

    // Warm-up: starts the worker and loads the module once, as the app does on its first signature.
    await service.sign({ module: softhsmModule, certId: '01', pin: token.pin, pdf });
    let started = performance.now();
    for (let i = 0; i < rounds; i++) await service.sign({ module: softhsmModule, certId: '01', pin: token.pin, pdf });
    const pades = performance.now() - started;

    const slot = (await client.tokens(softhsmModule))[0]!.slot;
    const data = new Uint8Array(200).fill(7);
    started = performance.now();
    for (let i = 0; i < rounds; i++) await client.sign({ module: softhsmModule, slot, certId: '01', pin: token.pin, algorithm: 'rsa-sha256', data, confirmFinalTry: false });
    const raw = performance.now() - started;

    const out = path.join(token.dir, 'bench.p7s');
    started = performance.now();
    for (let i = 0; i < rounds; i++) {
      execFileSync('openssl', ['cms', '-sign', '-binary', '-md', 'sha256', '-in', input, '-signer', token.rsa.certFile, '-inkey', token.rsa.keyFile, '-certfile', token.caCertFile, '-outform', 'DER', '-out', out]);
    }
    const openssl = performance.now() - started;

    return {
      unit: 'signatures/s',
      key: 'RSA-2048, SHA-256',
      padesOnSoftHsm: { what: 'signing.sign: list token, login, sign, logout, CMS, incremental update, verify', ...perSecond(pades, rounds) },
      tokenSignatureOnly: { what: 'worker: login + C_Sign + logout', ...perSecond(raw, rounds) },
      baseline: { what: 'openssl cms -sign of the same PDF bytes, key and certificate from files (one process each)', ...perSecond(openssl, rounds) },
    };
  } finally {
    await client.close();
    process.env.SOFTHSM2_CONF = previous;
    token.remove();
  }
}
