import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../electron/contract/errors';
import { createServices, type AppServices } from '../../electron/services/createServices';
import { createLogger } from '../../electron/services/logger';
import { motcua } from '../support/cli';
import { tempDir } from '../support/tempDir';

function open(dataDir: string) {
  return createServices({ dataDir, resourcesDir: path.resolve('resources'), appVersion: '0.0.0-test', logger: createLogger(undefined, 'silent') });
}

const ctx = { transport: 'test' };
const supervisorPin = '48151623';
const officialPin = '271828';
const names = ['Trần Văn Quản', 'Lê Thị Cán'];

async function call(services: AppServices, method: string, input: unknown): Promise<Result<unknown>> {
  return services.router.handle(method, input, ctx);
}

function errorOf(result: Result<unknown>): { code: string; details: Record<string, unknown>; message_vi: string } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

async function withAccounts(dir = tempDir()) {
  const services = open(dir);
  await services.accounts.create({ username: 'quan.tv', displayName: names[0]!, role: 'supervisor', pin: supervisorPin }, { actor: 'test', operator: true });
  await services.accounts.create({ username: 'can.lt', displayName: names[1]!, role: 'official', pin: officialPin }, { actor: 'test', operator: true });
  return { dir, services };
}

describe('officials’ accounts', () => {
  it('locks an account after five wrong PINs; a supervisor unlocks it', async () => {
    const { dir, services } = await withAccounts();
    for (const left of [4, 3, 2, 1]) {
      const wrong = errorOf(await call(services, 'accounts.login', { username: 'can.lt', pin: '000000' }));
      expect(wrong.code).toBe('ACCOUNT_PIN_INCORRECT');
      expect(wrong.details.attemptsLeft).toBe(left);
    }
    const fifth = errorOf(await call(services, 'accounts.login', { username: 'can.lt', pin: '000000' }));
    expect(fifth.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.message_vi).toContain('cán bộ quản trị');
    expect(errorOf(await call(services, 'accounts.login', { username: 'can.lt', pin: officialPin })).code).toBe('ACCOUNT_LOCKED');

    // An unknown username answers exactly like a wrong PIN.
    const unknown = errorOf(await call(services, 'accounts.login', { username: 'khong.co', pin: '000000' }));
    expect(unknown.code).toBe('ACCOUNT_PIN_INCORRECT');
    expect(unknown.details.attemptsLeft).toBe(4);

    const supervisor = await call(services, 'accounts.login', { username: 'quan.tv', pin: supervisorPin });
    expect(supervisor.ok && supervisor.value).toMatchObject({ username: 'quan.tv', role: 'supervisor' });
    const listed = await call(services, 'accounts.list', {});
    expect(listed.ok && listed.value).toMatchObject({ accounts: expect.arrayContaining([expect.objectContaining({ username: 'can.lt', locked: true })]) });
    expect((await call(services, 'accounts.unlock', { username: 'can.lt' })).ok).toBe(true);
    expect((await call(services, 'accounts.logout', {})).ok).toBe(true);

    const official = await call(services, 'accounts.login', { username: 'can.lt', pin: officialPin });
    expect(official.ok && official.value).toMatchObject({ username: 'can.lt', role: 'official', displayName: names[1] });
    const current = await call(services, 'accounts.current', {});
    expect(current.ok && current.value).toMatchObject({ accountsExist: true, account: { username: 'can.lt' } });

    // An official can neither unlock, nor create, nor change settings.
    expect(errorOf(await call(services, 'accounts.unlock', { username: 'can.lt' })).code).toBe('ACCOUNT_SUPERVISOR_REQUIRED');
    expect(errorOf(await call(services, 'accounts.create', { username: 'moi.nv', displayName: 'Mới', role: 'official', pin: '123456' })).code).toBe('ACCOUNT_SUPERVISOR_REQUIRED');
    expect(errorOf(await call(services, 'settings.update', { unitName: 'UBND xã Tân Phú' })).code).toBe('ACCOUNT_SUPERVISOR_REQUIRED');
    await call(services, 'accounts.logout', {});
    expect(errorOf(await call(services, 'settings.update', { unitName: 'UBND xã Tân Phú' })).code).toBe('ACCOUNT_SUPERVISOR_REQUIRED');

    // A supervisor can.
    await call(services, 'accounts.login', { username: 'quan.tv', pin: supervisorPin });
    expect((await call(services, 'settings.update', { unitName: 'UBND xã Tân Phú' })).ok).toBe(true);

    // The audit log holds account ids, never usernames or names.
    const actions = services.db.prepare<[], { action: string; subject_id: string | null; details_json: string }>("SELECT action, subject_id, details_json FROM audit_log WHERE action LIKE 'account.%' ORDER BY id").all();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['account.create', 'account.login', 'account.locked', 'account.unlock']));
    const unlock = actions.find((a) => a.action === 'account.unlock')!;
    const supervisorId = services.accounts.list().find((a) => a.username === 'quan.tv')!.id;
    expect(JSON.parse(unlock.details_json)).toEqual({ accountId: services.accounts.list().find((a) => a.username === 'can.lt')!.id, by: supervisorId });
    const auditText = JSON.stringify(services.db.prepare('SELECT * FROM audit_log').all());
    for (const word of ['quan.tv', 'can.lt', 'khong.co', ...names]) expect(auditText).not.toContain(word);
    expect((await call(services, 'audit.verify', {})).ok).toBe(true);
    services.close();

    // PINs are stored only as hashes: no file of the data directory holds their digits.
    for (const file of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!file.isFile()) continue;
      const bytes = fs.readFileSync(path.join(file.parentPath, file.name));
      for (const pin of [supervisorPin, officialPin]) expect(bytes.includes(Buffer.from(pin))).toBe(false);
    }
  }, 60_000);

  it('leaves settings open in first-run setup mode, and lets only a supervisor be the first account', async () => {
    const services = open(tempDir());
    expect((await call(services, 'settings.update', { unitName: 'UBND xã Tân Phú' })).ok).toBe(true);
    const current = await call(services, 'accounts.current', {});
    expect(current.ok && current.value).toEqual({ account: null, accountsExist: false });
    const official = errorOf(await call(services, 'accounts.create', { username: 'can.lt', displayName: names[1], role: 'official', pin: officialPin }));
    expect(official.code).toBe('VALIDATION_FAILED');
    expect((await call(services, 'accounts.create', { username: 'quan.tv', displayName: names[0], role: 'supervisor', pin: supervisorPin })).ok).toBe(true);
    expect(errorOf(await call(services, 'settings.update', { unitName: 'UBND xã Tân Phú' })).code).toBe('ACCOUNT_SUPERVISOR_REQUIRED');
    services.close();
  }, 30_000);

  it("leaves kiosk mode with a supervisor's PIN, not an official's, and still with the exit code", async () => {
    const { services } = await withAccounts();
    await services.settings.update({ kioskMode: true, kioskExitCode: '246810' });
    const byOfficial = errorOf(await call(services, 'kiosk.exit', { username: 'can.lt', pin: officialPin }));
    expect(byOfficial.code).toBe('ACCOUNT_SUPERVISOR_REQUIRED');
    expect(errorOf(await call(services, 'kiosk.exit', { username: 'quan.tv', pin: '999999' })).code).toBe('ACCOUNT_PIN_INCORRECT');
    expect(services.settings.get().kioskMode).toBe(true);
    expect(await call(services, 'kiosk.exit', { username: 'quan.tv', pin: supervisorPin })).toEqual({ ok: true, value: { kioskMode: false } });
    // Checking the PIN at the kiosk signs nobody in.
    const current = await call(services, 'accounts.current', {});
    expect(current.ok && current.value).toMatchObject({ account: null });

    await services.settings.update({ kioskMode: true });
    expect(await call(services, 'kiosk.exit', { code: '246810' })).toEqual({ ok: true, value: { kioskMode: false } });
    services.close();
  }, 30_000);

  it('ends the session when a supervisor hands the machine over to kiosk mode', async () => {
    const { services } = await withAccounts();
    await call(services, 'accounts.login', { username: 'quan.tv', pin: supervisorPin });
    expect((await call(services, 'settings.update', { kioskMode: true, kioskExitCode: '246810' })).ok).toBe(true);
    const current = await call(services, 'accounts.current', {});
    expect(current.ok && current.value).toMatchObject({ account: null });
    expect(errorOf(await call(services, 'settings.update', { unitName: 'x' })).code).toBe('ACCOUNT_SUPERVISOR_REQUIRED');
    services.close();
  }, 30_000);

  it('lets a signed-in official change their own PIN, proving the current one', async () => {
    const { services } = await withAccounts();
    expect(errorOf(await call(services, 'accounts.changePin', { currentPin: officialPin, newPin: '314159' })).code).toBe('ACCOUNT_SIGN_IN_REQUIRED');
    await call(services, 'accounts.login', { username: 'can.lt', pin: officialPin });
    expect(errorOf(await call(services, 'accounts.changePin', { currentPin: '000000', newPin: '314159' })).code).toBe('ACCOUNT_PIN_INCORRECT');
    expect(errorOf(await call(services, 'accounts.changePin', { currentPin: officialPin, newPin: '12' })).code).toBe('VALIDATION_FAILED');
    expect(await call(services, 'accounts.changePin', { currentPin: officialPin, newPin: '314159' })).toEqual({ ok: true, value: { changed: true } });
    await call(services, 'accounts.logout', {});
    expect(errorOf(await call(services, 'accounts.login', { username: 'can.lt', pin: officialPin })).code).toBe('ACCOUNT_PIN_INCORRECT');
    expect((await call(services, 'accounts.login', { username: 'can.lt', pin: '314159' })).ok).toBe(true);
    services.close();
  }, 30_000);
});

describe('motcua accounts', () => {
  it('creates accounts with the PIN from an environment variable, lists and unlocks them', async () => {
    const dataDir = tempDir();
    const unset = motcua(['accounts', 'create', '--username', 'quan.tv', '--name', names[0]!, '--role', 'supervisor', '--pin-env', 'MOTCUA_TEST_PIN', '--data-dir', dataDir]);
    expect(unset.status).toBe(2);
    expect(unset.stderr).toContain('MOTCUA_TEST_PIN');
    const badPin = motcua(['accounts', 'create', '--username', 'quan.tv', '--name', names[0]!, '--role', 'supervisor', '--pin-env', 'MOTCUA_TEST_PIN', '--data-dir', dataDir], { MOTCUA_TEST_PIN: '12ab' });
    expect(badPin.status).toBe(2);
    expect(badPin.stderr).toContain('PIN');

    const created = motcua(['accounts', 'create', '--json', '--username', 'can.lt', '--name', names[1]!, '--role', 'official', '--pin-env', 'MOTCUA_TEST_PIN', '--data-dir', dataDir], { MOTCUA_TEST_PIN: officialPin });
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ username: 'can.lt', role: 'official' });
    expect(created.stdout + created.stderr).not.toContain(officialPin);

    // Lock it through the services, then unlock it from the CLI.
    const services = open(dataDir);
    for (let i = 0; i < 5; i++) await call(services, 'accounts.login', { username: 'can.lt', pin: '000000' });
    expect(services.accounts.list()[0]!.locked).toBe(true);
    services.close();

    const listed = motcua(['accounts', 'list', '--json', '--data-dir', dataDir]);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ accounts: [{ username: 'can.lt', locked: true }] });
    const unlocked = motcua(['accounts', 'unlock', 'can.lt', '--data-dir', dataDir]);
    expect(unlocked.status).toBe(0);
    expect(motcua(['accounts', 'unlock', 'khong.co', '--data-dir', dataDir]).status).toBe(3);
    // The CLI is the machine's operator: it still sets the counter up once accounts exist, with the same checks.
    const setUp = motcua(['settings', 'set', '--unit-name', 'UBND xã Tân Phú', '--json', '--data-dir', dataDir]);
    expect(setUp.status, setUp.stderr).toBe(0);
    expect(JSON.parse(setUp.stdout)).toMatchObject({ unitName: 'UBND xã Tân Phú' });
    expect(motcua(['settings', 'set', '--agency-code', 'abc', '--data-dir', dataDir]).status).toBe(2);

    const again = open(dataDir);
    const login = await call(again, 'accounts.login', { username: 'can.lt', pin: officialPin });
    expect(login.ok).toBe(true);
    again.close();
  }, 120_000);
});
