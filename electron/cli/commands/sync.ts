import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomically } from '../io';
import { syncGatewayUrlSchema } from '../../contract/settings';
import { usageError } from '../output';
import type { AppServices } from '../../services/createServices';
import type { CommandRunner } from '../runner';

/**
 * `sync --gateway <url> [--once]` (shared/CLI.md): sends what is queued and pulls statuses.
 * Exit 0 only when nothing is pending and nothing waits for a person.
 */
function passphraseFrom(envName: string): string {
  const value = process.env[envName];
  if (!value || value.length < 8) {
    throw usageError(`--key-env ${envName}: biến môi trường này phải chứa mật khẩu chuyển hồ sơ (ít nhất 8 ký tự).`, `--key-env ${envName}: this environment variable must hold the transfer passphrase (at least 8 characters).`, { option: '--key-env' });
  }
  return value;
}

function vnStamp(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

export function registerSync(program: Command, run: CommandRunner): void {
  const sync = program.command('sync');
  sync
    .command('export')
    .description('extension of CLI.md: writes the queue to a folder (USB drive) as an encrypted, signed bundle')
    .requiredOption('--out <dir>', 'folder to write the bundle into')
    .requiredOption('--key-env <VAR>', 'environment variable holding the transfer passphrase')
    .action((options: { out: string; keyEnv: string }) =>
      run(async ({ services }) => {
        const passphrase = passphraseFrom(options.keyEnv);
        if (!fs.existsSync(options.out) || !fs.statSync(options.out).isDirectory()) throw usageError(`--out: thư mục "${options.out}" không tồn tại.`, `--out: folder "${options.out}" does not exist.`, { option: '--out' });
        const { bundle, dossiers, signer } = services().sync.exportBundle(passphrase);
        if (dossiers === 0) return { value: { out: null, dossiers: 0, bytes: 0, signer }, human: 'nothing waiting / không có hồ sơ chờ gửi' };
        const out = path.resolve(options.out, `motcua-chuyen-ho-so-${vnStamp(new Date())}.mcb`);
        writeFileAtomically(out, bundle);
        return { value: { out, dossiers, bytes: bundle.length, signer }, human: `wrote ${out}: ${dossiers} dossier(s), signer ${signer}` };
      }),
    );
  sync
    .command('import')
    .description('extension of CLI.md: sends the dossiers of a bundle to the receiving system (same ids: never twice)')
    .requiredOption('--in <file>', 'the bundle (.mcb)')
    .requiredOption('--key-env <VAR>', 'environment variable holding the transfer passphrase')
    .option('--gateway <url>', 'receiving system base URL (default: the syncGatewayUrl setting)')
    .option('--signer <fingerprint>', 'accept only a bundle signed by this machine')
    .action((options: { in: string; keyEnv: string; gateway?: string; signer?: string }) =>
      run(async ({ services }) => {
        const passphrase = passphraseFrom(options.keyEnv);
        if (!fs.existsSync(options.in)) throw usageError(`--in: không có tệp "${options.in}".`, `--in: file "${options.in}" does not exist.`, { option: '--in' });
        const s = services();
        // `--gateway` after `import` may be taken by the parent `sync` command: read both.
        useGatewayOption(s, options.gateway ?? sync.opts<{ gateway?: string }>().gateway);
        const result = await s.sync.importBundle(fs.readFileSync(options.in), passphrase, options.signer);
        return { value: result, human: `${result.dossiers} dossier(s): sent ${result.sent}, already present ${result.alreadyPresent}, failed ${result.failed.length}`, exitCode: result.failed.length === 0 ? 0 : 1 };
      }),
    );
  sync
    .description('sends queued dossiers to the receiving system and pulls their status / gửi hồ sơ đang chờ')
    .option('--gateway <url>', 'receiving system base URL (default: the syncGatewayUrl setting)')
    .option('--once', 'one pass: return when nothing more can be done now', false)
    .action((options: { gateway?: string; once: boolean }) =>
      run(async ({ services }) => {
        const s = services();
        useGatewayOption(s, options.gateway);
        const result = await s.sync.run(options.once);
        return {
          value: result,
          human: `sent ${result.sent}, already present ${result.alreadyPresent}, needs a person ${result.failed}, pending ${result.pending}`,
          exitCode: result.pending === 0 && result.failed === 0 ? 0 : 1,
        };
      }),
    );
}

function useGatewayOption(s: AppServices, gateway: string | undefined): void {
  if (gateway !== undefined) {
    const parsed = syncGatewayUrlSchema.safeParse(gateway);
    if (!parsed.success || parsed.data === '') throw usageError(`--gateway "${gateway}": cần địa chỉ http:// hoặc https://.`, `--gateway "${gateway}": expected an http:// or https:// URL.`, { option: '--gateway' });
    s.sync.useGateway(parsed.data);
  } else if (s.settings.get().syncGatewayUrl === '') {
    throw usageError('Cần --gateway <url> (chưa đặt địa chỉ hệ thống tiếp nhận trong Cài đặt).', 'Give --gateway <url> (no receiving system is configured in Settings).', { option: '--gateway' });
  }
}
