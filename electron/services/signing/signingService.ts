import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../contract/errors';
import { discoverModule } from '../../../native/token/moduleDiscovery';
import type { TokenClient } from '../../../native/token/tokenClient';
import type { CertificateInfo, SlotPresence, TokenInfo } from '../../../native/token/types';
import { checkCertificate } from './certChecks';
import { SUB_FILTER } from './pades';
import type { SignPdfJob, SignPdfJobResult } from './signPdfJob';
import type { SignatureCheck } from './verify';

export interface SignRequest {
  module?: string | null;
  tokenLabel?: string | null;
  certId?: string | null;
  /** From the app's keypad or the environment variable named by --pin-env; never stored or logged. */
  pin: string;
  pdf: Uint8Array;
  reason?: string | null;
  visible?: boolean;
  /** Second, explicit confirmation when the token says this is the final try. */
  confirmFinalTry?: boolean;
}

export interface SignOutcome {
  pdf: Uint8Array;
  signer: string;
  signedAt: string;
  subFilter: string;
  certificate: { id: string; subject: string; issuer: string; notAfter: string };
  /** The output checked again after signing (every signature in it). */
  verification: SignatureCheck[];
}

export interface SigningOptions {
  resourcesDir: string;
  now: () => Date;
  /** Configured PKCS#11 module path (settings / CLI --module); null: discover a known one. */
  module?: () => string | null;
  /** RFC 3161 TSA; null: no timestamp (PAdES B-B). */
  tsaUrl?: () => string | null;
}

function notFound(what: 'module' | 'token' | 'cert', value: string | null): ContractError {
  if (what === 'module')
    return new ContractError({
      code: 'TOKEN_MODULE_LOAD_FAILED',
      message_vi: 'Chưa có thư viện PKCS#11 của USB ký số: hãy chọn đường dẫn thư viện (--module) hoặc cài phần mềm của nhà cung cấp chữ ký số.',
      message_en: 'No PKCS#11 library for the token: give its path (--module) or install the CA middleware.',
      details: { field: 'module' },
    });
  if (what === 'token')
    return new ContractError({ code: 'TOKEN_NOT_FOUND', message_vi: `Không tìm thấy USB token${value ? ` "${value}"` : ''}. Hãy cắm USB token vào máy.`, message_en: `No token${value ? ` labelled "${value}"` : ''} found. Plug the token in.`, details: { field: 'token', label: value } });
  return new ContractError({ code: 'TOKEN_CERT_NOT_FOUND', message_vi: `Không tìm thấy chứng thư số có khóa bí mật${value ? ` (cert-id ${value})` : ''} trên USB token.`, message_en: `No certificate with a private key${value ? ` (cert-id ${value})` : ''} on the token.`, details: { field: 'certId', certId: value } });
}

/** The signer's chain from the certificates on the token: issuer by subject, up to a self-signed root. */
export function chainOf(cert: CertificateInfo, all: CertificateInfo[]): Uint8Array[] {
  const chain = [cert.der];
  let current = cert;
  for (let i = 0; i < 8 && current.issuer !== current.subject; i++) {
    const parent = all.find((c) => c.subject === current.issuer && c.id !== current.id);
    if (!parent) break;
    chain.push(parent.der);
    current = parent;
  }
  return chain;
}

/** A certificate that can sign: a private key beside it and no CA-only key usage. */
function signingCandidates(token: TokenInfo): CertificateInfo[] {
  return token.certificates.filter((c) => c.hasPrivateKey && !(c.keyUsage?.includes('keyCertSign') && !c.keyUsage.includes('digitalSignature')));
}

/** What the service needs of the token worker's client. */
export type TokenAccess = Pick<TokenClient, 'tokens' | 'presence' | 'sign' | 'job' | 'close'>;

export class SigningService {
  constructor(
    private readonly tokens: TokenAccess,
    private readonly options: SigningOptions,
  ) {}

  resolveModule(module?: string | null): string {
    const found = discoverModule(this.options.resourcesDir, module ?? this.options.module?.() ?? null);
    if (!found) throw notFound('module', null);
    return found;
  }

  presence(module: string): Promise<SlotPresence[]> {
    return this.tokens.presence(module);
  }

  async listTokens(module?: string | null): Promise<TokenInfo[]> {
    return this.tokens.tokens(this.resolveModule(module));
  }

  /** Picks token and certificate, checks the certificate, then login + sign + verify. Nothing is written here. */
  async sign(request: SignRequest): Promise<SignOutcome> {
    const module = this.resolveModule(request.module);
    const tokens = await this.tokens.tokens(module);
    const token = request.tokenLabel ? tokens.find((t) => t.label === request.tokenLabel) : tokens.find((t) => signingCandidates(t).length > 0);
    if (!token) throw notFound('token', request.tokenLabel ?? null);
    const certId = request.certId?.toLowerCase() ?? null;
    const cert = certId ? token.certificates.find((c) => c.id === certId && c.hasPrivateKey) : signingCandidates(token)[0];
    if (!cert) throw notFound('cert', certId);
    const now = this.options.now();
    checkCertificate(cert, now);

    const algorithm = cert.keyAlgorithm === 'ec' ? 'ecdsa-sha256' : 'rsa-sha256';
    const job: SignPdfJob = {
      module,
      slot: token.slot,
      certId: cert.id,
      pin: request.pin,
      confirmFinalTry: request.confirmFinalTry ?? false,
      algorithm,
      certificates: chainOf(cert, token.certificates),
      pdf: request.pdf,
      signedAt: now.toISOString(),
      signerName: cert.commonName ?? cert.subject,
      organisation: cert.organisation,
      reason: request.reason ?? null,
      visibleFont: request.visible ? new Uint8Array(fs.readFileSync(path.join(this.options.resourcesDir, 'fonts', 'LiberationSerif-Regular.ttf'))) : null,
      tsaUrl: this.options.tsaUrl?.() ?? null,
    };
    // PDF assembly, CMS, the token's signature and the check all run in the signing worker.
    const { pdf: signed, verification } = await this.tokens.job<SignPdfJobResult>('signPdf', job);
    const last = verification.at(-1);
    if (!last?.valid || !last.coversWholeDocument) throw new ContractError({ code: 'TOKEN_FAILED', message_vi: 'Chữ ký vừa tạo không kiểm tra được; tệp không được ghi.', message_en: 'The new signature did not verify; nothing was written.', details: { verification } });
    return {
      pdf: signed,
      signer: cert.commonName ?? cert.subject,
      signedAt: now.toISOString(),
      subFilter: SUB_FILTER,
      certificate: { id: cert.id, subject: cert.subject, issuer: cert.issuer, notAfter: cert.notAfter },
      verification,
    };
  }

  close(): Promise<void> {
    return this.tokens.close();
  }
}
