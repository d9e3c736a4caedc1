import type { EventEmitter } from 'node:events';
import { hidPosUsagePage, ScanAssembler } from './hidPosReport';

/** What we use of node-hid: enumeration and opening a device by path (injectable for tests). */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  usagePage?: number | undefined;
  product?: string | undefined;
}
export interface HidDeviceHandle extends EventEmitter {
  close(): void;
}
export interface HidModule {
  devices(): HidDeviceInfo[];
  HID: new (path: string) => HidDeviceHandle;
}

export interface AllowedReader {
  vendorId: number;
  productId: number;
}

export interface HidScan {
  text: string;
  aim: string;
  vendorId: number;
  productId: number;
}

export interface HidPosReadersOptions {
  hid: HidModule;
  /** Read at every poll: a change in settings applies without a restart. */
  allowed: () => readonly AllowedReader[];
  onScan: (scan: HidScan) => void;
  /** Connection changes and errors, for the log (never the scanned text). */
  onStatus?: (status: { event: 'connected' | 'disconnected' | 'open-failed'; vendorId: number; productId: number }) => void;
  pollMs?: number;
}

interface Open {
  device: HidDeviceHandle;
  info: HidDeviceInfo;
}

/**
 * Keeps every allowed HID POS reader (usage page 0x8C, VID/PID in settings) open. node-hid has no
 * hot-plug events, so a poll finds readers plugged in (again): an unplugged reader errors out,
 * is closed and forgotten, and is reopened when the poll sees it again.
 */
export class HidPosReaders {
  private readonly open = new Map<string, Open>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: HidPosReadersOptions) {}

  start(): void {
    if (this.timer) return;
    this.poll();
    this.timer = setInterval(() => this.poll(), this.options.pollMs ?? 2000);
    this.timer.unref?.();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const path of [...this.open.keys()]) this.forget(path, false);
  }

  /** Paths of the readers open now. */
  get connected(): string[] {
    return [...this.open.keys()];
  }

  poll(): void {
    const allowed = this.options.allowed();
    if (allowed.length === 0) return;
    let found: HidDeviceInfo[];
    try {
      found = this.options.hid.devices();
    } catch {
      return;
    }
    for (const info of found) {
      if (!info.path || this.open.has(info.path)) continue;
      if (info.usagePage !== hidPosUsagePage) continue;
      if (!allowed.some((a) => a.vendorId === info.vendorId && a.productId === info.productId)) continue;
      this.connect(info, info.path);
    }
  }

  private connect(info: HidDeviceInfo, path: string): void {
    let device: HidDeviceHandle;
    try {
      device = new this.options.hid.HID(path);
    } catch {
      this.options.onStatus?.({ event: 'open-failed', vendorId: info.vendorId, productId: info.productId });
      return;
    }
    const assembler = new ScanAssembler();
    device.on('data', (data: Buffer | number[]) => {
      const scan = assembler.push(Uint8Array.from(data));
      if (scan) this.options.onScan({ ...scan, vendorId: info.vendorId, productId: info.productId });
    });
    device.on('error', () => this.forget(path, true));
    this.open.set(path, { device, info });
    this.options.onStatus?.({ event: 'connected', vendorId: info.vendorId, productId: info.productId });
  }

  private forget(path: string, unplugged: boolean): void {
    const entry = this.open.get(path);
    if (!entry) return;
    this.open.delete(path);
    entry.device.removeAllListeners();
    // A dying device may still report an error: with no listener, EventEmitter would throw.
    entry.device.on('error', () => undefined);
    try {
      entry.device.close();
    } catch {
      // Already gone with the unplugged device.
    }
    if (unplugged) this.options.onStatus?.({ event: 'disconnected', vendorId: entry.info.vendorId, productId: entry.info.productId });
  }
}

/** The real node-hid, loaded only when readers are wanted (a native module). */
export async function loadNodeHid(): Promise<HidModule> {
  const hid = await import('node-hid');
  return { devices: () => hid.devices(), HID: hid.HID };
}
