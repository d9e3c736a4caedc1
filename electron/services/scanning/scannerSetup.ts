import { SaneScanner, ScannerHub, type Scanner } from '../../../native/scanner/index';

export interface ScannerSetup {
  /** Extra environment for scanimage (SANE_CONFIG_DIR in tests and special installs). */
  saneEnv?: Record<string, string>;
  /** eSCL scanners configured by URL (`http://192.168.1.20/eSCL`). */
  esclUrls?: string[];
}

/** Every driver this machine can use, behind one Scanner. */
export function createScanners(setup: ScannerSetup = {}): Scanner {
  return new ScannerHub([new SaneScanner({ env: setup.saneEnv })]);
}

/** MOTCUA_ESCL_SCANNERS: comma-separated eSCL base URLs for the CLI and the app. */
export function scannerSetupFromEnv(env: NodeJS.ProcessEnv = process.env): ScannerSetup {
  const urls = (env.MOTCUA_ESCL_SCANNERS ?? '').split(',').map((u) => u.trim()).filter((u) => u.length > 0);
  return { esclUrls: urls };
}
