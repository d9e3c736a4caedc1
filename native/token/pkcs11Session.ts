import { createHash } from 'node:crypto';
import pkcs11js from 'pkcs11js';
import { describeCertificate } from './certInfo';
import { ecdsaRawToDer } from './derSignature';
import { pinStatusFromFlags, triesRemaining } from './pinStatus';
import type { SignOnTokenRequest, SlotPresence, TokenFailure, TokenInfo } from './types';

/**
 * The slice of pkcs11js this driver uses — the module boundary. Tests wrap a real module here to
 * simulate what SoftHSM never does (final-try / locked flags, a token pulled out mid-signature).
 */
export type Pkcs11Api = Pick<
  pkcs11js.PKCS11,
  | 'load'
  | 'C_Initialize'
  | 'C_Finalize'
  | 'C_GetSlotList'
  | 'C_GetTokenInfo'
  | 'C_OpenSession'
  | 'C_CloseSession'
  | 'C_Login'
  | 'C_Logout'
  | 'C_FindObjectsInit'
  | 'C_FindObjects'
  | 'C_FindObjectsFinal'
  | 'C_GetAttributeValue'
  | 'C_SignInit'
  | 'C_Sign'
>;

export class TokenDriverError extends Error {
  constructor(readonly failure: TokenFailure) {
    super(failure.code);
    this.name = 'TokenDriverError';
  }
}

// CK_RV values the driver tells apart (PKCS#11 v2.40 §11.1).
const CKR = {
  KEY_HANDLE_INVALID: 0x60,
  OBJECT_HANDLE_INVALID: 0x82,
  DEVICE_ERROR: 0x30,
  DEVICE_REMOVED: 0x32,
  PIN_INCORRECT: 0xa0,
  PIN_INVALID: 0xa1,
  PIN_LEN_RANGE: 0xa2,
  PIN_LOCKED: 0xa4,
  SESSION_CLOSED: 0xb0,
  SESSION_HANDLE_INVALID: 0xb3,
  TOKEN_NOT_PRESENT: 0xe0,
  TOKEN_NOT_RECOGNIZED: 0xe1,
  USER_ALREADY_LOGGED_IN: 0x100,
  CRYPTOKI_NOT_INITIALIZED: 0x190,
  CRYPTOKI_ALREADY_INITIALIZED: 0x191,
} as const;
const removedCodes = new Set<number>([CKR.DEVICE_REMOVED, CKR.TOKEN_NOT_PRESENT, CKR.TOKEN_NOT_RECOGNIZED, CKR.DEVICE_ERROR, CKR.SESSION_CLOSED, CKR.SESSION_HANDLE_INVALID, CKR.OBJECT_HANDLE_INVALID, CKR.KEY_HANDLE_INVALID]);

const CKF_TOKEN_INITIALIZED = 0x400;

function ckrOf(error: unknown): { code: number; name: string } | null {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'number') {
    const message = String((error as { message?: unknown }).message ?? "");
    const name = /CKR_[A-Z_]+/.exec(message)?.[0] ?? `0x${(error as { code: number }).code.toString(16)}`;
    return { code: (error as { code: number }).code, name };
  }
  return null;
}

function trimmed(text: string): string {
  return text.replace(/\0/g, '').trim();
}

/** One loaded PKCS#11 module: C_Initialize once, re-initialised when its slot list goes stale. */
export class Pkcs11Module {
  private initialised = false;

  constructor(
    readonly path: string,
    private readonly api: Pkcs11Api = new pkcs11js.PKCS11(),
  ) {
    try {
      this.api.load(path);
      try {
        this.api.C_Initialize();
      } catch (error) {
        // Cryptoki state is per process: another thread may have initialised this library already.
        if (ckrOf(error)?.code !== CKR.CRYPTOKI_ALREADY_INITIALIZED) throw error;
      }
      this.initialised = true;
    } catch (error) {
      throw new TokenDriverError({ code: 'TOKEN_MODULE_LOAD_FAILED', ckr: ckrOf(error)?.name, details: { module: path, reason: (error as Error).message } });
    }
  }

  /** Finalize and initialise again: how a module that caches its slot list sees a token inserted later. */
  reinitialise(): void {
    try {
      if (this.initialised) this.api.C_Finalize();
    } catch {
      // Already finalised or the module lost its state: initialising again is what matters.
    }
    this.initialised = false;
    this.api.C_Initialize();
    this.initialised = true;
  }

  finalize(): void {
    if (!this.initialised) return;
    this.initialised = false;
    try {
      this.api.C_Finalize();
    } catch {
      // Nothing to do about a module that cannot finalise; the process is leaving it anyway.
    }
  }

  /** Slots with a token present (re-initialising once if the module says it is not initialised). */
  presence(): SlotPresence[] {
    const read = () => this.initialisedSlots().map(({ slot, info }) => ({ slot: slot.readUInt32LE(0), label: trimmed(info.label), serial: trimmed(info.serialNumber) }));
    try {
      const present = read();
      if (present.length > 0) return present;
      // Many modules (SoftHSM among them) fix their slot list at C_Initialize: with nothing present
      // there are no sessions to lose, so initialise again to see a token inserted since.
      this.reinitialise();
      return read();
    } catch (error) {
      const ckr = ckrOf(error);
      if (ckr && (ckr.code === CKR.CRYPTOKI_NOT_INITIALIZED || removedCodes.has(ckr.code))) {
        this.reinitialise();
        return read();
      }
      throw this.translate(error);
    }
  }

  /** Slots holding an initialised token: an empty reader or a blank token (SoftHSM's free slot) has nothing to sign with. */
  private initialisedSlots(): { slot: Buffer; info: pkcs11js.TokenInfo }[] {
    return this.api
      .C_GetSlotList(true)
      .map((slot) => ({ slot, info: this.api.C_GetTokenInfo(slot) }))
      .filter(({ info }) => (info.flags & CKF_TOKEN_INITIALIZED) !== 0);
  }

  private slotHandle(slot: number): Buffer {
    const handle = this.api.C_GetSlotList(true).find((h) => h.readUInt32LE(0) === slot);
    if (!handle) throw new TokenDriverError({ code: 'TOKEN_NOT_FOUND', details: { slot } });
    return handle;
  }

  private find(session: Buffer, template: pkcs11js.Template): Buffer[] {
    this.api.C_FindObjectsInit(session, template);
    try {
      return this.api.C_FindObjects(session, 256);
    } finally {
      this.api.C_FindObjectsFinal(session);
    }
  }

  /** Tokens, their PIN flags and certificates (public objects: no login needed). */
  tokens(): TokenInfo[] {
    try {
      return this.initialisedSlots().map(({ slot, info }) => {
        const session = this.api.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
        try {
          // Private keys are hidden until login; a public key (or a visible private key) with the same CKA_ID marks a key pair.
          const keyIds = new Set(
            [pkcs11js.CKO_PRIVATE_KEY, pkcs11js.CKO_PUBLIC_KEY].flatMap((cls) => this.find(session, [{ type: pkcs11js.CKA_CLASS, value: cls }])).map((h) => (this.api.C_GetAttributeValue(session, h, [{ type: pkcs11js.CKA_ID }])[0]!.value as Buffer).toString('hex')),
          );
          const certificates = this.find(session, [
            { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
            { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
          ]).flatMap((h) => {
            const [id, value, label] = this.api.C_GetAttributeValue(session, h, [{ type: pkcs11js.CKA_ID }, { type: pkcs11js.CKA_VALUE }, { type: pkcs11js.CKA_LABEL }]);
            const idHex = (id!.value as Buffer).toString('hex');
            try {
              return [describeCertificate(new Uint8Array(value!.value as Buffer), idHex, (label!.value as Buffer).toString('utf8'), keyIds.has(idHex))];
            } catch {
              return []; // A certificate we cannot parse cannot be used to sign either.
            }
          });
          return {
            slot: slot.readUInt32LE(0),
            label: trimmed(info.label),
            serial: trimmed(info.serialNumber),
            manufacturer: trimmed(info.manufacturerID),
            model: trimmed(info.model),
            pin: pinStatusFromFlags(info.flags),
            certificates,
          };
        } finally {
          this.api.C_CloseSession(session);
        }
      });
    } catch (error) {
      throw this.translate(error);
    }
  }

  /**
   * Login, sign, logout — one call so the PIN lives only for its duration. The token's PIN flags
   * are read first: a locked token is not tried, and a final try needs the caller's confirmation.
   */
  sign(request: SignOnTokenRequest): Uint8Array {
    let session: Buffer | null = null;
    let loggedIn = false;
    try {
      const slot = this.slotHandle(request.slot);
      const before = pinStatusFromFlags(this.api.C_GetTokenInfo(slot).flags);
      if (before.locked) throw new TokenDriverError({ code: 'TOKEN_PIN_LOCKED', details: { pin: before, triesRemaining: 0 } });
      if (before.finalTry && !request.confirmFinalTry) throw new TokenDriverError({ code: 'TOKEN_PIN_FINAL_TRY', details: { pin: before, triesRemaining: 1 } });
      session = this.api.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
      try {
        this.api.C_Login(session, pkcs11js.CKU_USER, request.pin);
        loggedIn = true;
      } catch (error) {
        const ckr = ckrOf(error);
        if (ckr?.code === CKR.USER_ALREADY_LOGGED_IN) loggedIn = true;
        else if (ckr && (ckr.code === CKR.PIN_INCORRECT || ckr.code === CKR.PIN_LOCKED)) {
          const after = pinStatusFromFlags(this.api.C_GetTokenInfo(slot).flags);
          if (ckr.code === CKR.PIN_LOCKED || after.locked) throw new TokenDriverError({ code: 'TOKEN_PIN_LOCKED', ckr: ckr.name, details: { pin: after, triesRemaining: 0 } });
          throw new TokenDriverError({ code: 'TOKEN_PIN_INCORRECT', ckr: ckr.name, details: { pin: after, triesRemaining: triesRemaining(after) } });
        } else if (ckr && (ckr.code === CKR.PIN_INVALID || ckr.code === CKR.PIN_LEN_RANGE)) {
          throw new TokenDriverError({ code: 'TOKEN_PIN_INVALID', ckr: ckr.name, details: {} });
        } else throw error;
      }
      const keyId = Buffer.from(request.certId, 'hex');
      const [key] = this.find(session, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
        { type: pkcs11js.CKA_ID, value: keyId },
      ]);
      if (!key) throw new TokenDriverError({ code: 'TOKEN_CERT_NOT_FOUND', details: { certId: request.certId } });
      const data = Buffer.from(request.data);
      if (request.algorithm === 'rsa-sha256') {
        this.api.C_SignInit(session, { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS }, key);
        return new Uint8Array(this.api.C_Sign(session, data, Buffer.alloc(1024)));
      }
      // Not every token has CKM_ECDSA_SHA256: hash here, let the token sign the digest.
      const digest = createHash('sha256').update(data).digest();
      this.api.C_SignInit(session, { mechanism: pkcs11js.CKM_ECDSA }, key);
      return ecdsaRawToDer(new Uint8Array(this.api.C_Sign(session, digest, Buffer.alloc(256))));
    } catch (error) {
      const translated = this.translate(error);
      // Middlewares report a pulled token in many ways (SoftHSM: CKR_GENERAL_ERROR): look again.
      if (translated.failure.code === 'TOKEN_FAILED' && !this.stillPresent(request.slot)) {
        throw new TokenDriverError({ code: 'TOKEN_REMOVED', ckr: translated.failure.ckr, details: { module: this.path } });
      }
      throw translated;
    } finally {
      if (session) {
        try {
          if (loggedIn) this.api.C_Logout(session);
          this.api.C_CloseSession(session);
        } catch {
          // A removed token cannot log out; its session is gone with it.
        }
      }
    }
  }

  /** Whether an initialised token is still in `slot`, re-initialising the module once if it cannot tell. */
  private stillPresent(slot: number): boolean {
    const look = () => this.initialisedSlots().some(({ slot: handle }) => handle.readUInt32LE(0) === slot);
    try {
      return look();
    } catch {
      try {
        this.reinitialise();
        return look();
      } catch {
        return false;
      }
    }
  }

  private translate(error: unknown): TokenDriverError {
    if (error instanceof TokenDriverError) return error;
    const ckr = ckrOf(error);
    if (ckr && removedCodes.has(ckr.code)) return new TokenDriverError({ code: 'TOKEN_REMOVED', ckr: ckr.name, details: { module: this.path } });
    return new TokenDriverError({ code: 'TOKEN_FAILED', ckr: ckr?.name, details: { module: this.path, reason: (error as Error).message } });
  }
}
