import fs from 'node:fs';
import pkcs11js from 'pkcs11js';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../electron/contract/errors';
import { checkCertificate } from '../../electron/services/signing/certChecks';
import { createSigningClient } from '../../electron/services/signing/createSigning';
import { SigningService, type TokenAccess } from '../../electron/services/signing/signingService';
import { CKF_USER_PIN_FINAL_TRY, CKF_USER_PIN_LOCKED } from '../../native/token/pinStatus';
import { Pkcs11Module, TokenDriverError, type Pkcs11Api } from '../../native/token/pkcs11Session';
import { tokenError } from '../../native/token/tokenErrors';
import type { CertificateInfo, SignOnTokenRequest } from '../../native/token/types';
import { createSoftHsmToken, softhsmModule, type SoftHsmToken } from '../support/softhsm';

/*
 * SoftHSM never raises CKF_USER_PIN_FINAL_TRY or CKF_USER_PIN_LOCKED, and a token cannot be pulled
 * out of it: those are simulated at the module boundary (Pkcs11Api), around the real SoftHSM module.
 */
let token: SoftHsmToken;
let open: Pkcs11Module | null = null;

beforeAll(() => {
  token = createSoftHsmToken();
  // The module reads SOFTHSM2_CONF with getenv: the real process environment.
  process.env.SOFTHSM2_CONF = token.conf;
});
afterAll(() => token.remove());
afterEach(() => {
  // One C_Initialize per process: finalise before the next test loads the module again.
  open?.finalize();
  open = null;
});

interface Boundary {
  extraFlags: number;
  /** Flags once a login has failed (what a real token reports after the final try). */
  flagsAfterFailure?: number;
  logins: number;
  signFails?: Error;
}

function wrappedModule(boundary: Boundary): Pkcs11Module {
  const real = new pkcs11js.PKCS11();
  let failed = false;
  const overrides: Partial<Pkcs11Api> = {
    C_GetTokenInfo: (slot) => {
      const info = real.C_GetTokenInfo(slot);
      return { ...info, flags: info.flags | (failed && boundary.flagsAfterFailure !== undefined ? boundary.flagsAfterFailure : boundary.extraFlags) };
    },
    C_Login: (session, userType, pin) => {
      boundary.logins++;
      try {
        real.C_Login(session, userType, pin);
      } catch (error) {
        failed = true;
        throw error;
      }
    },
    C_Sign: ((session: Buffer, data: Buffer, out: Buffer) => {
      if (boundary.signFails) throw boundary.signFails;
      return real.C_Sign(session, data, out);
    }) as Pkcs11Api['C_Sign'],
  };
  const api = new Proxy(real, {
    get(target, prop) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop as keyof Pkcs11Api];
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as Pkcs11Api;
  open = new Pkcs11Module(softhsmModule, api);
  return open;
}

function request(module: Pkcs11Module, overrides: Partial<SignOnTokenRequest> = {}): SignOnTokenRequest {
  const slot = module.tokens()[0]!.slot;
  return { module: softhsmModule, slot, certId: '01', pin: token.pin, algorithm: 'rsa-sha256', data: new Uint8Array([1, 2, 3]), confirmFinalTry: false, ...overrides };
}

function failureOf(run: () => unknown): TokenDriverError {
  try {
    run();
  } catch (error) {
    if (error instanceof TokenDriverError) return error;
    throw error;
  }
  throw new Error('expected a TokenDriverError');
}

describe('PIN flags at the module boundary', () => {
  it('final try: refuses to try the PIN without the second confirmation', () => {
    const boundary: Boundary = { extraFlags: CKF_USER_PIN_FINAL_TRY, logins: 0 };
    const module = wrappedModule(boundary);
    expect(module.tokens()[0]!.pin).toEqual({ countLow: false, finalTry: true, locked: false });
    const error = failureOf(() => module.sign(request(module)));
    expect(error.failure.code).toBe('TOKEN_PIN_FINAL_TRY');
    expect(error.failure.details.triesRemaining).toBe(1);
    expect(boundary.logins).toBe(0);
    const message = tokenError(error.failure);
    expect(message.message_vi).toContain('lần thử cuối cùng');
  });

  it('final try confirmed: the right PIN signs', () => {
    const boundary: Boundary = { extraFlags: CKF_USER_PIN_FINAL_TRY, logins: 0 };
    const module = wrappedModule(boundary);
    expect(module.sign(request(module, { confirmFinalTry: true })).length).toBe(256);
    expect(boundary.logins).toBe(1);
  });

  it('final try confirmed, wrong PIN: the token locks and says so', () => {
    const boundary: Boundary = { extraFlags: CKF_USER_PIN_FINAL_TRY, flagsAfterFailure: CKF_USER_PIN_LOCKED, logins: 0 };
    const module = wrappedModule(boundary);
    const error = failureOf(() => module.sign(request(module, { confirmFinalTry: true, pin: '000000' })));
    expect(error.failure.code).toBe('TOKEN_PIN_LOCKED');
    expect(error.failure.details.triesRemaining).toBe(0);
  });

  it('locked: no PIN is tried, the message says who to contact', () => {
    const boundary: Boundary = { extraFlags: CKF_USER_PIN_LOCKED, logins: 0 };
    const module = wrappedModule(boundary);
    const error = failureOf(() => module.sign(request(module, { confirmFinalTry: true })));
    expect(error.failure.code).toBe('TOKEN_PIN_LOCKED');
    expect(boundary.logins).toBe(0);
    const value = tokenError(error.failure);
    expect(value.code).toBe('TOKEN_PIN_LOCKED');
    expect(value.message_vi).toMatch(/liên hệ tổ chức cung cấp dịch vụ chứng thực/);
    expect(value.message_en).toMatch(/Contact the certification authority/);
  });

  it('a wrong PIN with tries left: TOKEN_PIN_INCORRECT, tries unknown unless the token says', () => {
    const module = wrappedModule({ extraFlags: 0, logins: 0 });
    const error = failureOf(() => module.sign(request(module, { pin: '000000' })));
    expect(error.failure.code).toBe('TOKEN_PIN_INCORRECT');
    expect(error.failure.details.triesRemaining).toBeNull();
  });

  it('the token pulled out during C_Sign: TOKEN_REMOVED', () => {
    const removed = new pkcs11js.Pkcs11Error('CKR_DEVICE_REMOVED:50', 50, 'C_Sign');
    const module = wrappedModule({ extraFlags: 0, logins: 0, signFails: removed });
    const error = failureOf(() => module.sign(request(module)));
    expect(error.failure.code).toBe('TOKEN_REMOVED');
    expect(tokenError(error.failure).message_vi).toContain('Không có tệp nào được ghi');
  });
});

describe('token removed mid-operation (the real module, in its worker)', () => {
  it('the token files vanish between listing and signing: typed TOKEN_REMOVED, the call returns', async () => {
    const own = createSoftHsmToken({ label: 'removable' });
    const previous = process.env.SOFTHSM2_CONF;
    process.env.SOFTHSM2_CONF = own.conf;
    const client = createSigningClient({ timeoutMs: 20_000 });
    // The removal happens exactly between the listing (certificate chosen) and the login + signature.
    const pulling: TokenAccess = {
      tokens: (m) => client.tokens(m),
      presence: (m) => client.presence(m),
      close: () => client.close(),
      sign: (req) => client.sign(req),
      job: (name, payload) => {
        fs.rmSync(own.tokenDir, { recursive: true, force: true });
        return client.job(name, payload);
      },
    };
    const service = new SigningService(pulling, { resourcesDir: 'resources', now: () => new Date() });
    const doc = await PDFDocument.create();
    doc.addPage();
    try {
      const error = await service.sign({ module: softhsmModule, pin: own.pin, pdf: await doc.save() }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ContractError);
      expect((error as ContractError).code, JSON.stringify((error as ContractError).details)).toBe('TOKEN_REMOVED');
    } finally {
      await client.close();
      process.env.SOFTHSM2_CONF = previous;
      own.remove();
    }
  });
});

describe('certificate checks before signing', () => {
  const base: CertificateInfo = {
    id: '01',
    label: 'x',
    subject: 'CN=Nguyễn Văn An, C=VN',
    issuer: 'CN=Test CA',
    commonName: 'Nguyễn Văn An',
    organisation: null,
    issuerName: 'Test CA',
    notBefore: '2025-01-01T00:00:00.000Z',
    notAfter: '2027-01-01T00:00:00.000Z',
    keyUsage: ['digitalSignature', 'nonRepudiation'],
    keyAlgorithm: 'rsa',
    hasPrivateKey: true,
    der: new Uint8Array(),
  };
  const now = new Date('2026-06-01T00:00:00Z');
  const codeOf = (cert: CertificateInfo) => {
    try {
      checkCertificate(cert, now);
      return null;
    } catch (error) {
      return error as ContractError;
    }
  };

  it('accepts a current certificate for signatures (or without keyUsage)', () => {
    expect(codeOf(base)).toBeNull();
    expect(codeOf({ ...base, keyUsage: null })).toBeNull();
    expect(codeOf({ ...base, keyUsage: ['nonRepudiation'] })).toBeNull();
  });

  it('stops on expired, not yet valid, and key usage without signatures — in Vietnamese', () => {
    const expired = codeOf({ ...base, notAfter: '2026-05-31T23:59:59.000Z' })!;
    expect(expired.code).toBe('CERT_EXPIRED');
    expect(expired.message_vi).toContain('đã hết hạn ngày 01/06/2026');
    const early = codeOf({ ...base, notBefore: '2026-06-02T00:00:00.000Z' })!;
    expect(early.code).toBe('CERT_NOT_YET_VALID');
    expect(early.message_vi).toContain('chưa có hiệu lực');
    const usage = codeOf({ ...base, keyUsage: ['keyEncipherment'] })!;
    expect(usage.code).toBe('CERT_KEY_USAGE');
    expect(usage.message_vi).toContain('không được phép dùng để ký số');
  });
});
