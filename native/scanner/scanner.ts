/**
 * The one interface every scanner driver (SANE, eSCL) implements. Drivers hand each page over as
 * soon as the device delivers it, so a caller keeps what was scanned when a batch later fails.
 */
export type ScanSource = 'flatbed' | 'feeder' | 'duplex';
export type ScanColorMode = 'color' | 'gray' | 'bw';
export type ScannerBackend = 'sane' | 'escl';

export interface ScannerInfo {
  /** Stable id for `scan --device`: `sane:<device name>` or `escl:<base URL>`. */
  id: string;
  name: string;
  backend: ScannerBackend;
  sources: ScanSource[];
}

export interface ScannerCapabilities {
  sources: ScanSource[];
  modes: ScanColorMode[];
  /** Resolutions the device offers (dpi); a range is given by its steps of common values. */
  resolutions: number[];
  /** Largest scan area in millimetres (for clamping A4). */
  maxWidthMm: number;
  maxHeightMm: number;
}

export interface ScanRequest {
  source: ScanSource;
  resolution: number;
  mode: ScanColorMode;
  /** Feeder: stop after this many pages. Flatbed always scans one. */
  maxPages?: number;
  /** Driver-specific extra options (SANE `--name value`), for technicians and tests. */
  extraOptions?: Record<string, string>;
  signal?: AbortSignal;
  onProgress?: (progress: { page: number; fraction: number }) => void;
}

export interface ScannedPage {
  /** 1-based, in the order the device delivered the pages. */
  index: number;
  /** An encoded image sharp can read (TIFF, PNG or JPEG). */
  image: Buffer;
  /** The resolution the page was really scanned at. */
  resolution: number;
}

export interface Scanner {
  readonly backend: ScannerBackend;
  list(): Promise<ScannerInfo[]>;
  capabilities(deviceId: string): Promise<ScannerCapabilities>;
  /**
   * Scans until the feeder is empty, maxPages is reached, or an error. `onPage` runs for every page
   * in order (awaited, so the caller controls memory); a rejection is a ScannerError.
   */
  scan(deviceId: string, request: ScanRequest, onPage: (page: ScannedPage) => void | Promise<void>): Promise<{ pages: number }>;
}
