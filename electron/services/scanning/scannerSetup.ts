import { EsclScanner, SaneScanner, ScannerHub, discoverEscl, type Scanner } from '../../../native/scanner/index';

export interface ScannerSetup {
  /** Extra environment for scanimage (SANE_CONFIG_DIR in tests and special installs). */
  saneEnv?: Record<string, string>;
  /** eSCL scanners configured by URL (`http://192.168.1.20/eSCL`). */
  esclUrls?: string[];
  /** Look for eSCL scanners with mDNS while listing (adds up to two seconds). */
  discover?: boolean;
}

/** Every driver this machine can use, behind one Scanner. */
export function createScanners(setup: ScannerSetup = {}): Scanner {
  return new ScannerHub([
    new SaneScanner({ env: setup.saneEnv }),
    new EsclScanner({ urls: setup.esclUrls ?? [], discover: setup.discover ? () => discoverEscl(2000) : undefined }),
  ]);
}

/**
 * MOTCUA_ESCL_SCANNERS: comma-separated eSCL base URLs; MOTCUA_ESCL_DISCOVER=0 turns mDNS off
 * (networks that block multicast, scripted runs that must be quick).
 */
export function scannerSetupFromEnv(env: NodeJS.ProcessEnv = process.env): ScannerSetup {
  const urls = (env.MOTCUA_ESCL_SCANNERS ?? '').split(',').map((u) => u.trim()).filter((u) => u.length > 0);
  return { esclUrls: urls, discover: env.MOTCUA_ESCL_DISCOVER !== '0' };
}
