/** Why a scan stopped, independent of the driver (SANE status, eSCL state). */
export type ScannerErrorKind = 'busy' | 'jammed' | 'noDocuments' | 'coverOpen' | 'io' | 'notFound' | 'cancelled' | 'unsupported';

export class ScannerError extends Error {
  constructor(
    readonly kind: ScannerErrorKind,
    /** The device's own words (SANE stderr line, eSCL state), for logs and technicians. */
    readonly deviceMessage: string,
    /** Pages the device delivered before it stopped (already handed to onPage). */
    readonly pagesDelivered = 0,
  ) {
    super(`scanner ${kind}: ${deviceMessage}`);
    this.name = 'ScannerError';
  }
}
