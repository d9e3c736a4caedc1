import type { Command } from 'commander';
import { settingsUpdateSchema, type Settings } from '../../contract/settings';
import { parseOrThrow } from '../../contract/validation';
import { parseHidReaders } from '../hidReadersOption';
import type { CommandRunner } from '../runner';

function describe(s: Settings): string {
  return [`unitName     ${s.unitName || '(chưa đặt / not set)'}`, `agencyCode   ${s.agencyCode || '(chưa đặt / not set)'}`, `language     ${s.language}`, `startScreen  ${s.startScreen}`, `printer      ${s.printerName || '(mặc định / system default)'}`, `kioskMode    ${s.kioskMode}`, `retentionDays ${s.retentionDays}`, `syncGateway  ${s.syncGatewayUrl || '(chưa đặt / not set)'}`].join('\n');
}

/** Extension of CLI.md: a technician sets up a counter (unit name, agency code) without the UI. */
export function registerSettings(program: Command, run: CommandRunner): void {
  const settings = program.command('settings').description('counter settings / cài đặt quầy');
  settings
    .command('show')
    .description('prints the settings')
    .action(() =>
      run(async ({ services, call }) => {
        const value = await call<Settings>(services(), 'settings.get', {});
        return { value, human: describe(value) };
      }),
    );
  settings
    .command('set')
    .description('changes the unit name, the agency code, the printer')
    .option('--unit-name <name>', 'e.g. "UBND xã Tân Phú"')
    .option('--agency-code <code>', 'e.g. 000.00.01.H22')
    .option('--printer <name>', "printer for receipts and forms ('' = the system default)")
    .option('--retention-days <days>', 'days a confirmed dossier stays on this machine (1–3650, default 30)')
    .option('--sync-gateway <url>', "receiving system base URL for sync ('' = none)")
    .option('--hid-readers <list>', "HID POS readers allowed, VID:PID in hex, comma-separated ('' = none)")
    .action((options: { unitName?: string; agencyCode?: string; printer?: string; retentionDays?: string; syncGateway?: string; hidReaders?: string }) =>
      run(async ({ services }) => {
        const change = {
          ...(options.unitName !== undefined ? { unitName: options.unitName } : {}),
          ...(options.agencyCode !== undefined ? { agencyCode: options.agencyCode } : {}),
          ...(options.printer !== undefined ? { printerName: options.printer } : {}),
          ...(options.retentionDays !== undefined ? { retentionDays: Number(options.retentionDays) } : {}),
          ...(options.syncGateway !== undefined ? { syncGatewayUrl: options.syncGateway } : {}),
          ...(options.hidReaders !== undefined ? { hidReaders: parseHidReaders(options.hidReaders) } : {}),
        };
        // The CLI is the machine's operator (like `accounts create`): it sets up the counter without
        // a signed-in supervisor, with the same validation the contract applies.
        const value = await services().settings.update(parseOrThrow(settingsUpdateSchema, change, 'settings'));
        return { value, human: describe(value) };
      }),
    );
}
