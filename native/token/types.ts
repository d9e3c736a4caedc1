/** Plain data that crosses the token worker's message port (structured clone): no classes, no handles. */

export interface PinStatus {
  /** CKF_USER_PIN_COUNT_LOW: at least one wrong PIN since the last good one. */
  countLow: boolean;
  /** CKF_USER_PIN_FINAL_TRY: the next wrong PIN locks the token. */
  finalTry: boolean;
  /** CKF_USER_PIN_LOCKED: the user PIN is blocked; only the CA / SO PIN can unblock it. */
  locked: boolean;
}

export interface CertificateInfo {
  /** CKA_ID, hex (lower case): the key pair and its certificate share it. */
  id: string;
  label: string;
  subject: string;
  issuer: string;
  /** Common name and organisation of the subject, and the issuing CA's name, for the UI. */
  commonName: string | null;
  organisation: string | null;
  issuerName: string | null;
  notBefore: string;
  notAfter: string;
  /** keyUsage bits by name; null when the certificate has no keyUsage extension (any use). */
  keyUsage: string[] | null;
  keyAlgorithm: 'rsa' | 'ec' | 'other';
  /** Whether a private key with the same CKA_ID is on the token. */
  hasPrivateKey: boolean;
  /** DER of the certificate (the CMS embeds it). */
  der: Uint8Array;
}

export interface TokenInfo {
  slot: number;
  label: string;
  serial: string;
  manufacturer: string;
  model: string;
  pin: PinStatus;
  certificates: CertificateInfo[];
}

/** What the hot-plug poller compares: which tokens are in which slots. */
export interface SlotPresence {
  slot: number;
  label: string;
  serial: string;
}

export interface SignOnTokenRequest {
  module: string;
  slot: number;
  certId: string;
  /** Only travels from the main thread to the worker in memory; never logged, never stored. */
  pin: string;
  /** 'rsa-sha256': CKM_SHA256_RSA_PKCS over `data`; 'ecdsa-sha256': CKM_ECDSA over SHA-256(data), DER-encoded. */
  algorithm: 'rsa-sha256' | 'ecdsa-sha256';
  data: Uint8Array;
  /** The official has confirmed a second time that this is the last try before the token locks. */
  confirmFinalTry: boolean;
}

export type TokenErrorCode =
  | 'TOKEN_MODULE_LOAD_FAILED'
  | 'TOKEN_NOT_FOUND'
  | 'TOKEN_CERT_NOT_FOUND'
  | 'TOKEN_PIN_INCORRECT'
  | 'TOKEN_PIN_FINAL_TRY'
  | 'TOKEN_PIN_LOCKED'
  | 'TOKEN_PIN_INVALID'
  | 'TOKEN_REMOVED'
  | 'TOKEN_TIMEOUT'
  | 'TOKEN_FAILED';

/** A failure inside the worker, sent back as data and turned into a ContractError on the main thread. */
export interface TokenFailure {
  code: TokenErrorCode;
  /** The CKR_ name where the module gave one (never the PIN). */
  ckr?: string;
  details: Record<string, unknown>;
}
