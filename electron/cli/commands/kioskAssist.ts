import type { Command } from 'commander';
import { kioskAssistConfigSchema, type KioskAssistConfig } from '../../contract/kioskAssist';
import { parseOrThrow } from '../../contract/validation';
import type { CommandRunner } from '../runner';

function describe(c: KioskAssistConfig): string {
  return [
    `listenPort  ${c.listenPort ?? '(tắt / off)'}`,
    `listenHost  ${c.listenHost}`,
    `counterUrl  ${c.counterUrl ?? '(chưa đặt / not set)'}`,
    `kioskName   ${c.kioskName}`,
  ].join('\n');
}

interface SetOptions {
  listenPort?: string;
  listenHost?: string;
  counterUrl?: string;
  kioskName?: string;
}

/**
 * Extension of CLI.md (issue #9): a technician connects a kiosk to its counter PC. On the counter:
 * `kiosk-help set --listen-port 47800`; on the kiosk: `kiosk-help set --counter-url
 * http://<counter>:47800 --kiosk-name "Kiosk sảnh"`. `off` clears a port or an address. The app
 * applies a change at its next start (or at once when changed through the app).
 */
export function registerKioskAssist(program: Command, run: CommandRunner): void {
  const help = program.command('kiosk-help').description('kiosk help calls and ratings / gọi cán bộ hỗ trợ và đánh giá');
  help
    .command('show')
    .description('prints the help-call configuration')
    .action(() =>
      run(async ({ services }) => {
        const value = services().kioskAssist.config();
        return { value, human: describe(value) };
      }),
    );
  help
    .command('set')
    .description('sets where this counter listens, or which counter this kiosk calls')
    .option('--listen-port <port>', "counter PC: TCP port for kiosk calls (1024–65535, or 'off')")
    .option('--listen-host <address>', "counter PC: address to listen on (default '0.0.0.0', the local network)")
    .option('--counter-url <url>', "kiosk: the counter's listener, e.g. http://192.168.1.20:47800 (or 'off')")
    .option('--kiosk-name <name>', 'kiosk: its name on the counter screen')
    .action((options: SetOptions) =>
      run(async ({ services }) => {
        const change: Record<string, unknown> = {};
        if (options.listenPort !== undefined) change.listenPort = options.listenPort === 'off' ? null : Number(options.listenPort);
        if (options.listenHost !== undefined) change.listenHost = options.listenHost;
        if (options.counterUrl !== undefined) change.counterUrl = options.counterUrl === 'off' ? null : options.counterUrl;
        if (options.kioskName !== undefined) change.kioskName = options.kioskName;
        const value = services().kioskAssist.configure(parseOrThrow(kioskAssistConfigSchema.partial().strict(), change, 'kioskHelp'));
        return { value, human: describe(value) };
      }),
    );
  help
    .command('ratings')
    .description("today's satisfaction figures (Vietnam time)")
    .action(() =>
      run(async ({ services }) => {
        const value = services().kioskAssist.ratings.today();
        const human = [`day      ${value.day}`, `count    ${value.count}`, `average  ${value.average ?? '-'}`, `byScore  ${value.byScore.join(' ')}`, `comments ${value.comments}`].join('\n');
        return { value, human };
      }),
    );
}
