import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../electron/contract/errors';
import type { Settings } from '../../electron/contract/settings';
import { createServices } from '../../electron/services/createServices';
import { createLogger } from '../../electron/services/logger';
import { tempDir } from '../support/tempDir';

function open(dataDir: string) {
  return createServices({ dataDir, resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test', logger: createLogger(undefined, 'silent') });
}

const ctx = { transport: 'test' };

describe('settings and kiosk exit through the router', () => {
  it('stores settings, emits a change, and survives a restart', async () => {
    const dir = tempDir();
    const services = open(dir);
    const seen: unknown[] = [];
    services.events.subscribe((name, payload) => {
      if (name === 'settings.changed') seen.push([name, payload]);
    });
    const result = (await services.router.handle('settings.update', { unitName: 'UBND xã Tân Phú', agencyCode: '000.00.01.H22' }, ctx)) as Result<Settings>;
    expect(result.ok).toBe(true);
    expect(seen).toHaveLength(1);
    services.close();
    const again = open(dir);
    const read = (await again.router.handle('settings.get', {}, ctx)) as Result<Settings>;
    expect(read.ok && read.value).toMatchObject({ unitName: 'UBND xã Tân Phú', agencyCode: '000.00.01.H22', language: 'vi', kioskMode: false, kioskExitCodeSet: false });
    again.close();
  });

  it('names the field and explains the expected format for a bad agency code', async () => {
    const services = open(tempDir());
    const result = await services.router.handle('settings.update', { agencyCode: 'abc' }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION_FAILED');
      expect(result.error.details.errors).toEqual([
        expect.objectContaining({ path: 'agencyCode', message_vi: expect.stringContaining('000.00.01.H22'), message_en: expect.stringContaining('Agency code') }),
      ]);
    }
    services.close();
  });

  it('turns kiosk mode on only with an exit code, which is stored hashed and needed to leave', async () => {
    const dir = tempDir();
    const services = open(dir);
    const refused = await services.router.handle('settings.update', { kioskMode: true }, ctx);
    expect(!refused.ok && refused.error.details.errors).toEqual([expect.objectContaining({ path: 'kioskMode' })]);

    const on = (await services.router.handle('settings.update', { kioskMode: true, kioskExitCode: '246810' }, ctx)) as Result<Settings>;
    expect(on.ok && on.value).toMatchObject({ kioskMode: true, kioskExitCodeSet: true });

    const wrong = await services.router.handle('kiosk.exit', { code: '111111' }, ctx);
    expect(!wrong.ok && wrong.error.code).toBe('KIOSK_CODE_INCORRECT');
    const stillOn = (await services.router.handle('settings.get', {}, ctx)) as Result<Settings>;
    expect(stillOn.ok && stillOn.value.kioskMode).toBe(true);

    const right = await services.router.handle('kiosk.exit', { code: '246810' }, ctx);
    expect(right).toEqual({ ok: true, value: { kioskMode: false } });
    services.close();

    // The code is nowhere in the database files in plaintext.
    for (const file of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (file.isFile()) expect(fs.readFileSync(path.join(file.parentPath, file.name)).includes(Buffer.from('246810'))).toBe(false);
    }
  });

  it('refuses the exit for five minutes after five wrong codes in a row, even with the right one', async () => {
    let clock = new Date('2026-11-23T08:00:00Z');
    const services = createServices({ dataDir: tempDir(), resourcesDir: 'resources', appVersion: 't', logger: createLogger(undefined, 'silent'), now: () => clock });
    await services.settings.update({ kioskMode: true, kioskExitCode: '975310' });
    for (let i = 0; i < 5; i++) {
      const wrong = await services.router.handle('kiosk.exit', { code: `00000${i}` }, ctx);
      expect(!wrong.ok && wrong.error.code).toBe('KIOSK_CODE_INCORRECT');
    }
    const locked = await services.router.handle('kiosk.exit', { code: '975310' }, ctx);
    expect(!locked.ok && locked.error.code).toBe('KIOSK_CODE_LOCKED');
    expect(!locked.ok && locked.error.message_vi).toContain('5 phút');
    clock = new Date(clock.getTime() + 5 * 60 * 1000 + 1);
    const right = await services.router.handle('kiosk.exit', { code: '975310' }, ctx);
    expect(right.ok).toBe(true);
    services.close();
  });

  it('says when no exit code was ever set', async () => {
    const services = open(tempDir());
    const result = await services.router.handle('kiosk.exit', { code: '123456' }, ctx);
    expect(!result.ok && result.error.code).toBe('KIOSK_CODE_NOT_SET');
    services.close();
  });

  it('reports a crash of the previous run (no clean end)', async () => {
    const dir = tempDir();
    open(dir); // never closed: like a SIGKILL or a power cut
    const after = open(dir);
    const info = await after.router.handle('app.info', {}, ctx);
    expect(info.ok && info.value).toMatchObject({ recoveredFromCrash: true, dbIntegrity: 'ok' });
    after.close();
    const clean = open(dir);
    const info2 = await clean.router.handle('app.info', {}, ctx);
    expect(info2.ok && info2.value).toMatchObject({ recoveredFromCrash: false });
    clean.close();
  });
});
