import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ContractError } from '../../contract/errors';
import { oid } from './cms';

function tsaFailed(url: string, reason: string): ContractError {
  return new ContractError({
    code: 'TSA_FAILED',
    message_vi: `Không lấy được dấu thời gian từ máy chủ ${url}: ${reason}. Chữ ký chưa được ghi.`,
    message_en: `No timestamp from ${url}: ${reason}. Nothing was written.`,
    details: { field: 'tsaUrl', url },
  });
}

/** RFC 3161 over HTTP: a TimeStampReq for SHA-256(signature value); returns the TimeStampToken (ContentInfo, DER). */
export async function requestTimestamp(url: string, signatureValue: Uint8Array, timeoutMs = 15_000): Promise<Uint8Array> {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: createHash('sha256').update(signatureValue).digest() }),
    }),
    nonce: new asn1js.Integer({ valueHex: randomBytes(8) }),
    certReq: true,
  });
  let body: ArrayBuffer;
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: Buffer.from(request.toSchema().toBER(false)), signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.arrayBuffer();
  } catch (error) {
    throw tsaFailed(url, (error as Error).message);
  }
  const parsed = pkijs.TimeStampResp.fromBER(body);
  if (parsed.status.status !== pkijs.PKIStatus.granted && parsed.status.status !== pkijs.PKIStatus.grantedWithMods) throw tsaFailed(url, `status ${parsed.status.status}`);
  if (!parsed.timeStampToken) throw tsaFailed(url, 'no token');
  return new Uint8Array(parsed.timeStampToken.toSchema().toBER(false));
}
