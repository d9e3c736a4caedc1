import { generateKeyPairSync, createSign, createVerify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecdsaRawToDer } from '../../native/token/derSignature';
import { moduleCandidates } from '../../native/token/moduleDiscovery';
import { TokenPresencePoller, type TokenPresenceEvent } from '../../native/token/hotplug';
import { tempDir } from '../support/tempDir';

describe('ECDSA raw r||s → DER (what CKM_ECDSA returns → what CMS carries)', () => {
  it('every conversion verifies with OpenSSL, whatever the high bits and leading zeros of r and s', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    let highBit = 0;
    for (let i = 0; i < 300; i++) {
      const data = Buffer.from(`message ${i}`);
      const raw = createSign('sha256').update(data).sign({ key: privateKey, dsaEncoding: 'ieee-p1363' });
      if (raw[0]! & 0x80 || raw[32]! & 0x80) highBit++;
      const der = ecdsaRawToDer(new Uint8Array(raw));
      expect(der.length).toBeLessThanOrEqual(72);
      expect(createVerify('sha256').update(data).verify({ key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
    }
    expect(highBit).toBeGreaterThan(0);
  });

  it('keeps a minimal encoding: leading zeros dropped, a zero byte added before a high bit', () => {
    const raw = new Uint8Array(64);
    raw[31] = 0x01; // r = 1
    raw[32] = 0x80; // s has its high bit set
    const der = ecdsaRawToDer(raw);
    expect(Buffer.from(der.subarray(0, 5)).toString('hex')).toBe('3026020101');
    expect(Buffer.from(der.subarray(5, 8)).toString('hex')).toBe('022100');
    expect(() => ecdsaRawToDer(new Uint8Array(63))).toThrow();
  });
});

describe('PKCS#11 module discovery', () => {
  it('tries the configured path first, then the Vietnamese CAs’ middleware, x64 (System32) names first', () => {
    const win = moduleCandidates(path.resolve('resources'), 'D:\\ca\\custom.dll', 'win32');
    expect(win[0]).toMatchObject({ ca: 'configured', file: 'D:\\ca\\custom.dll' });
    expect(new Set(win.map((c) => c.ca))).toEqual(new Set(['configured', 'VNPT-CA', 'Viettel-CA', 'BKAV-CA', 'FPT-CA', 'CA2', 'VGCA']));
    for (const ca of ['VNPT-CA', 'Viettel-CA', 'BKAV-CA', 'FPT-CA', 'CA2', 'VGCA']) {
      const files = win.filter((c) => c.ca === ca).map((c) => c.file);
      const firstWow = files.findIndex((f) => f.includes('SysWOW64'));
      expect(files.slice(0, firstWow).length, ca).toBeGreaterThan(0);
      expect(files.slice(firstWow).every((f) => f.includes('SysWOW64')), ca).toBe(true);
    }
  });

  it('marks what exists on this machine (SoftHSM2 on the build machine), configured or not', () => {
    const linux = moduleCandidates(path.resolve('resources'), null, 'linux');
    expect(linux.find((c) => c.ca === 'SoftHSM2')?.exists).toBe(true);
    const dir = tempDir();
    const fake = path.join(dir, 'lib.so');
    fs.writeFileSync(fake, '');
    expect(moduleCandidates(path.resolve('resources'), fake, 'linux')[0]).toEqual({ ca: 'configured', file: fake, exists: true });
  });
});

describe('hot-plug poller', () => {
  it('turns slot lists into inserted/removed events; a failing list counts as no token', async () => {
    const lists: (Array<{ slot: number; label: string; serial: string }> | Error)[] = [[], [{ slot: 1, label: 'A', serial: 's1' }], [{ slot: 1, label: 'A', serial: 's1' }], new Error('CKR_DEVICE_ERROR'), [{ slot: 2, label: 'B', serial: 's2' }]];
    const seen: TokenPresenceEvent[] = [];
    const poller = new TokenPresencePoller('m.so', () => {
      const next = lists.shift()!;
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    }, (e) => seen.push(e));
    for (let i = 0; i < 5; i++) await poller.pollOnce();
    expect(seen.map((e) => `${e.kind}:${e.label}`)).toEqual(['inserted:A', 'removed:A', 'inserted:B']);
  });
});
