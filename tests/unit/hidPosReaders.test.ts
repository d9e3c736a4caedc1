import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCccdQr } from '../../electron/contract/cccd/index';
import { createEventHub } from '../../electron/contract/events';
import { events } from '../../electron/contract/index';
import { startHidScans } from '../../electron/services/identity/hidScans';
import { createLogger } from '../../electron/services/logger';
import { HidPosReaders, type HidDeviceInfo, type HidModule, type HidScan } from '../../native/hid/hidPosReaders';
import { decodeScannedDataReport, ScanAssembler } from '../../native/hid/hidPosReport';

interface HidFixture {
  vendorId: number;
  productId: number;
  usagePage: number;
  expectedText: string;
  reports: string[];
}
const fixturesDir = path.resolve(import.meta.dirname, '..', 'fixtures', 'hid');
const fixtures = readdirSync(fixturesDir).map((f) => [f, JSON.parse(readFileSync(path.join(fixturesDir, f), 'utf8')) as HidFixture] as const);
const bytes = (hex: string) => Buffer.from(hex, 'hex');

/**
 * A node-hid module with one reader behind it that replays recorded reports: `HID.HID`-shaped
 * (an EventEmitter opened by path, emitting 'data' Buffers and 'error' when unplugged).
 */
function replayHid(fixture: HidFixture) {
  const plugged: HidDeviceInfo[] = [{ vendorId: fixture.vendorId, productId: fixture.productId, usagePage: fixture.usagePage, path: '/dev/hidraw7', product: 'Reader' }];
  const opened: ReplayDevice[] = [];
  class ReplayDevice extends EventEmitter {
    closed = false;
    constructor(readonly path: string) {
      super();
      if (!plugged.some((d) => d.path === path)) throw new Error('cannot open device with path');
      opened.push(this);
    }
    replay(reports: readonly string[]) {
      for (const report of reports) this.emit('data', bytes(report));
    }
    close() {
      this.closed = true;
    }
  }
  const hid: HidModule = { devices: () => plugged.map((d) => ({ ...d })), HID: ReplayDevice };
  return { hid, plugged, opened };
}

describe('HID POS reports', () => {
  it.each(fixtures)('%s decodes to the recorded text', (_name, fixture) => {
    const assembler = new ScanAssembler();
    const texts = fixture.reports.map((r) => assembler.push(bytes(r))).filter((x) => x !== null);
    expect(texts.map((t) => t.text)).toEqual([fixture.expectedText]);
    expect(texts[0]!.aim).toBe(']Q1');
  });

  it('ignores reports that are not scanned data, and short reads', () => {
    expect(decodeScannedDataReport(Uint8Array.from([0x04, 1, 2, 3]))).toBeNull();
    expect(decodeScannedDataReport(Uint8Array.from([0x02, 9]))).toBeNull();
  });
});

describe('HidPosReaders (node-hid interface, replayed reports)', () => {
  const [, cccd] = fixtures.find(([name]) => name.startsWith('honeywell'))!;

  it('opens an allowed reader and turns its reports into one scan the parser accepts', () => {
    const { hid, opened } = replayHid(cccd);
    const scans: HidScan[] = [];
    const readers = new HidPosReaders({ hid, allowed: () => [{ vendorId: cccd.vendorId, productId: cccd.productId }], onScan: (s) => scans.push(s) });
    readers.poll();
    expect(readers.connected).toEqual(['/dev/hidraw7']);
    opened[0]!.replay(cccd.reports);
    expect(scans.map((s) => s.text)).toEqual([cccd.expectedText]);
    const parsed = parseCccdQr(scans[0]!.text, { today: '2026-12-01' });
    expect(parsed.ok && parsed.value.fullName).toBe('Trần Thị Bích Ngọc');
    readers.stop();
    expect(opened[0]!.closed).toBe(true);
  });

  it('leaves alone readers that are not allowed, and devices of another usage page', () => {
    const { hid, plugged, opened } = replayHid(cccd);
    plugged.push({ vendorId: cccd.vendorId, productId: cccd.productId, usagePage: 0x01, path: '/dev/hidraw8' });
    const readers = new HidPosReaders({ hid, allowed: () => [{ vendorId: 0x1234, productId: 0x5678 }], onScan: () => undefined });
    readers.poll();
    expect(opened).toHaveLength(0);
    const allowing = new HidPosReaders({ hid, allowed: () => [{ vendorId: cccd.vendorId, productId: cccd.productId }], onScan: () => undefined });
    allowing.poll();
    expect(allowing.connected).toEqual(['/dev/hidraw7']);
  });

  it('reconnects after the reader is unplugged and plugged in again', () => {
    const { hid, plugged, opened } = replayHid(cccd);
    const scans: string[] = [];
    const status: string[] = [];
    const readers = new HidPosReaders({
      hid,
      allowed: () => [{ vendorId: cccd.vendorId, productId: cccd.productId }],
      onScan: (s) => scans.push(s.text),
      onStatus: (s) => status.push(s.event),
    });
    readers.poll();
    // Unplugged mid-scan: the first report arrived, then the device errors out.
    const unplugged = plugged.splice(0, 1)[0]!;
    opened[0]!.replay(cccd.reports.slice(0, 2));
    opened[0]!.emit('error', new Error('could not read from HID device'));
    expect(readers.connected).toEqual([]);
    readers.poll();
    expect(opened).toHaveLength(1);
    // Plugged in again: the next poll opens it, and a whole scan comes through (nothing of the half one).
    plugged.push(unplugged);
    readers.poll();
    expect(opened).toHaveLength(2);
    opened[1]!.replay(cccd.reports);
    expect(scans).toEqual([cccd.expectedText]);
    expect(status).toEqual(['connected', 'disconnected', 'connected']);
    readers.stop();
  });

  it('a scan reaches the contract event the renderer listens to (cccd.scanned)', async () => {
    const { hid, opened } = replayHid(cccd);
    const hub = createEventHub(events);
    const received: unknown[] = [];
    hub.subscribe((name, payload) => received.push({ name, payload }));
    const scans = startHidScans({ hid, allowed: () => [{ vendorId: cccd.vendorId, productId: cccd.productId }], emit: (text) => hub.emit('cccd.scanned', { text, source: 'hid' }), logger: createLogger(undefined, 'silent') });
    await new Promise((resolve) => setImmediate(resolve));
    opened[0]!.replay(cccd.reports);
    expect(received).toEqual([{ name: 'cccd.scanned', payload: { text: cccd.expectedText, source: 'hid' } }]);
    scans.stop();
  });

  it('the real node-hid loads and enumerates on this machine', async () => {
    const { loadNodeHid } = await import('../../native/hid/hidPosReaders');
    const hid = await loadNodeHid();
    expect(Array.isArray(hid.devices())).toBe(true);
  });
});
