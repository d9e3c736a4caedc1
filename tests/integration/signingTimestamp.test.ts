import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oid } from '../../electron/services/signing/cms';
import { SigningService } from '../../electron/services/signing/signingService';
import { parseSignedData } from '../../electron/services/signing/verify';
import { createSigningClient } from '../../electron/services/signing/createSigning';
import { pdfsig } from '../support/pdfsig';
import { createSoftHsmToken, softhsmModule, type SoftHsmToken } from '../support/softhsm';
import { startTinyTsa } from '../support/tinyTsa';

// PAdES B-T: a SoftHSM2 signature with an RFC 3161 timestamp from a tiny TSA on loopback.
let token: SoftHsmToken;
let tsa: Awaited<ReturnType<typeof startTinyTsa>>;
let client: ReturnType<typeof createSigningClient>;

beforeAll(async () => {
  token = createSoftHsmToken();
  process.env.SOFTHSM2_CONF = token.conf;
  tsa = await startTinyTsa(token.dir);
  client = createSigningClient();
});
afterAll(async () => {
  await client?.close();
  await tsa?.close();
  token?.remove();
});

describe('timestamped signature (B-T)', () => {
  it('puts the TSA token over the signature value in the unsigned attributes; pdfsig still finds it valid', async () => {
    const service = new SigningService(client, { resourcesDir: path.resolve('resources'), now: () => new Date(), tsaUrl: () => tsa.url });
    const doc = await PDFDocument.create();
    doc.addPage();
    const outcome = await service.sign({ module: softhsmModule, certId: '02', pin: token.pin, pdf: await doc.save(), reason: 'Kiểm tra dấu thời gian' });
    expect(tsa.requests).toBe(1);

    const file = path.join(token.dir, 'bt.pdf');
    fs.writeFileSync(file, outcome.pdf);
    const checked = pdfsig(file);
    expect(checked.entries[0], checked.text).toMatchObject({ valid: true, totalDocumentSigned: true });

    const text = Buffer.from(outcome.pdf).toString('latin1');
    const [, a, b] = /\/ByteRange \[0 (\d+) (\d+)/.exec(text)!.map(Number) as [number, number, number];
    const signed = parseSignedData(Buffer.from(text.slice(a + 1, b - 1), 'hex'));
    const info = signed.signerInfos[0]!;
    const attribute = info.unsignedAttrs?.attributes.find((x) => x.type === oid.timeStampToken);
    expect(attribute).toBeDefined();
    const tokenInfo = new pkijs.ContentInfo({ schema: attribute!.values[0] });
    const tsaSigned = new pkijs.SignedData({ schema: tokenInfo.content });
    const tst = pkijs.TSTInfo.fromBER((tsaSigned.encapContentInfo.eContent as asn1js.OctetString).getValue());
    const imprint = Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
    expect(imprint.equals(createHash('sha256').update(info.signature.valueBlock.valueHexView).digest())).toBe(true);
    expect(Math.abs(tst.genTime.getTime() - Date.now())).toBeLessThan(10 * 60_000);
  });

  it('a TSA that does not answer: TSA_FAILED, no signed PDF returned', async () => {
    const service = new SigningService(client, { resourcesDir: path.resolve('resources'), now: () => new Date(), tsaUrl: () => 'http://127.0.0.1:9/tsa' });
    const doc = await PDFDocument.create();
    doc.addPage();
    await expect(service.sign({ module: softhsmModule, certId: '01', pin: token.pin, pdf: await doc.save() })).rejects.toMatchObject({ code: 'TSA_FAILED' });
  });
});
