import fs from 'node:fs';
import path from 'node:path';
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oid } from '../../electron/services/signing/cms';
import { parseSignedData, verifyPdfSignatures } from '../../electron/services/signing/verify';
import { motcua } from '../support/cli';
import { pdfsig } from '../support/pdfsig';
import { createSoftHsmToken, softhsmModule, type SoftHsmToken } from '../support/softhsm';
import { tempDir } from '../support/tempDir';

// Real SoftHSM2 token (temporary SOFTHSM2_CONF), the real CLI, poppler's pdfsig as the outside judge.
let token: SoftHsmToken;
let work: string;
let input: string;

beforeAll(async () => {
  token = createSoftHsmToken();
  work = fs.mkdtempSync(path.join(path.dirname(token.dir), 'motcua-sign-'));
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Don de nghi - ban thu', { x: 72, y: 760 });
  input = path.join(work, 'don.pdf');
  fs.writeFileSync(input, await doc.save());
});

afterAll(() => {
  token.remove();
  fs.rmSync(work, { recursive: true, force: true });
});

const cli = (args: string[], env: Record<string, string> = {}) => motcua(['--data-dir', tempDir(), '--json', ...args], { ...token.env, ...env });

/** The CMS of signature number `index` (0-based) of a signed PDF. */
function cmsOf(pdf: Buffer, index: number): pkijs.SignedData {
  const ranges = [...pdf.toString('latin1').matchAll(/\/ByteRange \[0 (\d+) (\d+) (\d+)\s*\]/g)];
  const [, a, b] = ranges[index]!.map(Number) as [number, number, number];
  return parseSignedData(Buffer.from(pdf.subarray(a + 1, b - 1).toString('latin1'), 'hex'));
}

describe('signing on a SoftHSM2 token', () => {
  it('lists the token, its PIN flags and both certificates', () => {
    const run = cli(['tokens', '--module', softhsmModule]);
    expect(run.status, run.stderr).toBe(0);
    const { tokens } = JSON.parse(run.stdout) as { tokens: { slot: number; label: string; serial: string; pin: Record<string, boolean>; certificates: { id: string; subject: string; issuer: string; notBefore: string; notAfter: string }[] }[] };
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.label).toBe(token.label);
    expect(tokens[0]!.pin).toEqual({ countLow: false, finalTry: false, locked: false });
    const byId = new Map(tokens[0]!.certificates.map((c) => [c.id, c]));
    expect(byId.get('01')!.subject).toBe('CN=Nguyễn Văn An, O=UBND xã Tân Phú, C=VN');
    expect(byId.get('02')!.subject).toBe('CN=Trần Thị Bình, O=UBND xã Tân Phú, C=VN');
    expect(byId.get('01')!.issuer).toBe('CN=Motcua Test Root CA, O=Motcua Test CA, C=VN');
    expect(new Date(byId.get('01')!.notAfter).getTime()).toBeGreaterThan(Date.now());
    expect(Object.keys(byId.get('01')!).sort()).toEqual(['id', 'issuer', 'notAfter', 'notBefore', 'subject']);
  });

  it('signs with RSA, then ECDSA over it: pdfsig finds both valid, the last covers the whole document', () => {
    const first = path.join(work, 'rsa.pdf');
    const second = path.join(work, 'rsa-ec.pdf');
    const one = cli(['sign', '--module', softhsmModule, '--token', token.label, '--cert-id', '01', '--pin-env', 'TOKEN_PIN', '--in', input, '--out', first, '--reason', 'Công dân ký đơn', '--visible'], { TOKEN_PIN: token.pin });
    expect(one.status, one.stderr).toBe(0);
    const result = JSON.parse(one.stdout) as { out: string; signer: string; signedAt: string; subFilter: string };
    expect(result).toMatchObject({ out: first, signer: 'Nguyễn Văn An', subFilter: 'ETSI.CAdES.detached' });
    expect(one.stdout + one.stderr).not.toContain(token.pin);

    const afterOne = pdfsig(first);
    expect(afterOne.entries, afterOne.text).toHaveLength(1);
    expect(afterOne.entries[0]).toMatchObject({ valid: true, totalDocumentSigned: true, subFilter: 'ETSI.CAdES.detached', signer: 'Nguyễn Văn An' });

    const two = cli(['sign', '--module', softhsmModule, '--cert-id', '02', '--pin-env', 'TOKEN_PIN', '--in', first, '--out', second], { TOKEN_PIN: token.pin });
    expect(two.status, two.stderr).toBe(0);
    const afterTwo = pdfsig(second);
    expect(afterTwo.entries, afterTwo.text).toHaveLength(2);
    expect(afterTwo.entries[0]).toMatchObject({ valid: true, totalDocumentSigned: false, signer: 'Nguyễn Văn An' });
    expect(afterTwo.entries[1]).toMatchObject({ valid: true, totalDocumentSigned: true, signer: 'Trần Thị Bình' });
    expect(afterTwo.text).not.toMatch(/Syntax Error|Internal Error/);
    // The earlier bytes are untouched (incremental update).
    expect(fs.readFileSync(second).subarray(0, fs.statSync(first).size).equals(fs.readFileSync(first))).toBe(true);

    // The CMS: ESS signing-certificate-v2 present, no signing-time, the chain (signer + CA) embedded.
    const pdf = fs.readFileSync(second);
    for (const index of [0, 1]) {
      const signed = cmsOf(pdf, index);
      const attrs = signed.signerInfos[0]!.signedAttrs!.attributes.map((a) => a.type);
      expect(attrs).toContain(oid.signingCertificateV2);
      expect(attrs).not.toContain(oid.signingTime);
      expect(signed.certificates).toHaveLength(2);
    }
    expect(cmsOf(pdf, 0).signerInfos[0]!.signatureAlgorithm.algorithmId).toBe(oid.rsaEncryption);
    expect(cmsOf(pdf, 1).signerInfos[0]!.signatureAlgorithm.algorithmId).toBe(oid.ecdsaWithSha256);
    // The placeholder was computed from the chain and the key, not guessed: the CMS fills it but for
    // the bytes an ECDSA signature may come out shorter (DER drops leading zeros), none for RSA.
    for (const [index, slack] of [[0, 0], [1, 2]] as const) {
      const ranges = [...pdf.toString('latin1').matchAll(/\/ByteRange \[0 (\d+) (\d+) (\d+)\s*\]/g)];
      const [, a, b] = ranges[index]!.map(Number) as [number, number, number];
      const reserved = (b - a - 2) / 2;
      const der = Buffer.from(pdf.subarray(a + 1, b - 1).toString('latin1'), 'hex');
      const used = asn1js.fromBER(der).offset;
      expect(used).toBeLessThanOrEqual(reserved);
      expect(reserved - used).toBeLessThanOrEqual(slack);
    }
    // The product's own check agrees with pdfsig.
    expect(verifyPdfSignatures(new Uint8Array(pdf)).map((c) => [c.valid, c.coversWholeDocument])).toEqual([
      [true, false],
      [true, true],
    ]);
  });

  it('a wrong PIN exits 1 with TOKEN_PIN_INCORRECT, the token flags and no output file', () => {
    const out = path.join(work, 'wrong-pin.pdf');
    const run = cli(['sign', '--module', softhsmModule, '--pin-env', 'TOKEN_PIN', '--in', input, '--out', out], { TOKEN_PIN: '999999' });
    expect(run.status).toBe(1);
    const { error } = JSON.parse(run.stdout) as { error: { code: string; details: { pin: { countLow: boolean }; triesRemaining: number | null } } };
    expect(error.code).toBe('TOKEN_PIN_INCORRECT');
    // SoftHSM raises CKF_USER_PIN_COUNT_LOW after a failure but keeps no counter: tries remaining unknown.
    expect(error.details.pin.countLow).toBe(true);
    expect(error.details.triesRemaining).toBeNull();
    expect(run.stderr).toMatch(/^error\[TOKEN_PIN_INCORRECT\]: Mã PIN không đúng/m);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(work).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('refuses a missing PIN variable and a PIN on the command line is not an option', () => {
    const run = cli(['sign', '--module', softhsmModule, '--pin-env', 'NO_SUCH_VARIABLE', '--in', input, '--out', path.join(work, 'x.pdf')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--pin-env');
    const withPin = cli(['sign', '--module', softhsmModule, '--pin', '123456', '--in', input, '--out', path.join(work, 'x.pdf')]);
    expect(withPin.status).toBe(2);
    expect(fs.existsSync(path.join(work, 'x.pdf'))).toBe(false);
  });
});

describe('token hot-plug as contract events', () => {
  it('signing.watch reports a token initialised later (inserted) and its files removed (removed)', async () => {
    const { createServices } = await import('../../electron/services/createServices');
    const slotDir = fs.mkdtempSync(path.join(path.dirname(token.dir), 'motcua-hotplug-'));
    const conf = path.join(slotDir, 'softhsm2.conf');
    fs.mkdirSync(path.join(slotDir, 'tokens'));
    fs.writeFileSync(conf, `directories.tokendir = ${slotDir}/tokens\nobjectstore.backend = file\nlog.level = ERROR\n`);
    const previous = process.env.SOFTHSM2_CONF;
    process.env.SOFTHSM2_CONF = conf;
    const services = createServices({ dataDir: tempDir(), resourcesDir: path.resolve('resources'), appVersion: 'test' });
    const seen: { name: string; label: string }[] = [];
    services.events.subscribe((name, payload) => {
      if (name.startsWith('token.')) seen.push({ name, label: (payload as { label: string }).label });
    });
    const waitFor = async (count: number) => {
      for (let i = 0; i < 100 && seen.length < count; i++) await new Promise((r) => setTimeout(r, 100));
    };
    try {
      const watched = await services.router.handle('signing.watch', { module: softhsmModule }, { transport: 'test' });
      expect(watched.ok).toBe(true);
      expect(seen).toEqual([]);
      const { execFileSync } = await import('node:child_process');
      execFileSync('softhsm2-util', ['--init-token', '--free', '--label', 'cam-vao', '--pin', '123456', '--so-pin', '12345678'], { env: { ...process.env, SOFTHSM2_CONF: conf }, stdio: 'ignore' });
      await waitFor(1);
      expect(seen).toEqual([{ name: 'token.inserted', label: 'cam-vao' }]);
      fs.rmSync(path.join(slotDir, 'tokens'), { recursive: true, force: true });
      await waitFor(2);
      expect(seen).toEqual([
        { name: 'token.inserted', label: 'cam-vao' },
        { name: 'token.removed', label: 'cam-vao' },
      ]);
    } finally {
      services.close();
      process.env.SOFTHSM2_CONF = previous;
      fs.rmSync(slotDir, { recursive: true, force: true });
    }
  });
});
