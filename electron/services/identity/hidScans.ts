import type { AllowedReader, HidModule } from '../../../native/hid/hidPosReaders';
import { HidPosReaders, loadNodeHid } from '../../../native/hid/hidPosReaders';
import type { Logger } from '../logger';

export interface HidScansOptions {
  allowed: () => readonly AllowedReader[];
  /** The card's text, to the renderer as the `cccd.scanned` event. */
  emit: (text: string) => void;
  logger: Logger;
  /** node-hid by default; tests pass a replaying module. */
  hid?: HidModule;
}

/**
 * HID POS readers for the app (not the CLI, not the test harness): node-hid is loaded on start,
 * and a machine without it (or without permission on /dev/hidraw*) keeps working without readers.
 */
export function startHidScans(options: HidScansOptions): { stop(): void } {
  let readers: HidPosReaders | null = null;
  let stopped = false;
  void (options.hid ? Promise.resolve(options.hid) : loadNodeHid()).then(
    (hid) => {
      if (stopped) return;
      readers = new HidPosReaders({
        hid,
        allowed: options.allowed,
        onScan: (scan) => options.emit(scan.text),
        // Which reader, never what it read: the text is personal data.
        onStatus: (status) => options.logger.info({ event: `hid-reader-${status.event}`, vendorId: status.vendorId, productId: status.productId }, 'hid reader'),
      });
      readers.start();
    },
    (error: unknown) => options.logger.warn({ event: 'hid-unavailable', err: error }, 'node-hid could not be loaded: HID POS readers are off'),
  );
  return {
    stop() {
      stopped = true;
      readers?.stop();
    },
  };
}
