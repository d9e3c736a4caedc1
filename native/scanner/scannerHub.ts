import type { ScanRequest, ScannedPage, Scanner, ScannerCapabilities, ScannerInfo } from './scanner';
import { ScannerError } from './scannerError';

/**
 * All drivers behind one Scanner: list() merges them (a driver that fails to list is skipped, so a
 * missing scanimage never hides the eSCL scanners), the rest route by the id's `sane:`/`escl:` prefix.
 */
export class ScannerHub implements Scanner {
  readonly backend = 'sane' as const;

  constructor(private readonly drivers: readonly Scanner[]) {}

  async list(): Promise<ScannerInfo[]> {
    const lists = await Promise.allSettled(this.drivers.map((d) => d.list()));
    return lists.flatMap((l) => (l.status === 'fulfilled' ? l.value : []));
  }

  private driverFor(deviceId: string): Scanner {
    const driver = this.drivers.find((d) => deviceId.startsWith(`${d.backend}:`));
    if (!driver) throw new ScannerError('notFound', `no driver for device id ${deviceId}`);
    return driver;
  }

  capabilities(deviceId: string): Promise<ScannerCapabilities> {
    return this.driverFor(deviceId).capabilities(deviceId);
  }

  scan(deviceId: string, request: ScanRequest, onPage: (page: ScannedPage) => void | Promise<void>): Promise<{ pages: number }> {
    return this.driverFor(deviceId).scan(deviceId, request, onPage);
  }
}
