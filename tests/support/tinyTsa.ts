import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * A tiny RFC 3161 time-stamping authority on loopback, built with pkijs and WebCrypto: an EC key
 * and a certificate (extendedKeyUsage timeStamping) made with openssl; answers every request with a
 * granted TimeStampResp whose TSTInfo carries the request's message imprint and nonce.
 */
export async function startTinyTsa(dir: string): Promise<{ url: string; requests: number; close(): Promise<void> }> {
  const key = path.join(dir, 'tsa.key');
  const cert = path.join(dir, 'tsa.pem');
  execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
  execFileSync('openssl', ['req', '-new', '-x509', '-key', key, '-out', cert, '-days', '30', '-subj', '/C=VN/O=Motcua Test/CN=Motcua Test TSA', '-addext', 'extendedKeyUsage=critical,timeStamping']);
  const pemBody = (file: string) => Buffer.from(fs.readFileSync(file, 'utf8').replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
  const certificate = pkijs.Certificate.fromBER(pemBody(cert));
  const privateKey = await crypto.subtle.importKey('pkcs8', pemBody(key), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  let serial = 1;
  const state = { requests: 0 };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        state.requests++;
        const request = pkijs.TimeStampReq.fromBER(Buffer.concat(chunks));
        const tstInfo = new pkijs.TSTInfo({
          version: 1,
          policy: '1.3.6.1.4.1.99999.1',
          messageImprint: request.messageImprint,
          serialNumber: new asn1js.Integer({ value: serial++ }),
          genTime: new Date(),
          ...(request.nonce ? { nonce: request.nonce } : {}),
        });
        const signed = new pkijs.SignedData({
          version: 3,
          encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.9.16.1.4', eContent: new asn1js.OctetString({ valueHex: tstInfo.toSchema().toBER(false) }) }),
          signerInfos: [new pkijs.SignerInfo({ version: 1, sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }) })],
          certificates: [certificate],
        });
        await signed.sign(privateKey, 0, 'SHA-256');
        const response = new pkijs.TimeStampResp({
          status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
          timeStampToken: new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signed.toSchema(true) }),
        });
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
        res.end(Buffer.from(response.toSchema().toBER(false)));
      })().catch(() => {
        res.writeHead(500);
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
