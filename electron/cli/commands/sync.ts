import type { Command } from 'commander';
import { syncGatewayUrlSchema } from '../../contract/settings';
import { usageError } from '../output';
import type { CommandRunner } from '../runner';

/**
 * `sync --gateway <url> [--once]` (shared/CLI.md): sends what is queued and pulls statuses.
 * Exit 0 only when nothing is pending and nothing waits for a person.
 */
export function registerSync(program: Command, run: CommandRunner): void {
  program
    .command('sync')
    .description('sends queued dossiers to the receiving system and pulls their status / gửi hồ sơ đang chờ')
    .option('--gateway <url>', 'receiving system base URL (default: the syncGatewayUrl setting)')
    .option('--once', 'one pass: return when nothing more can be done now', false)
    .action((options: { gateway?: string; once: boolean }) =>
      run(async ({ services }) => {
        const s = services();
        if (options.gateway !== undefined) {
          const parsed = syncGatewayUrlSchema.safeParse(options.gateway);
          if (!parsed.success || parsed.data === '') throw usageError(`--gateway "${options.gateway}": cần địa chỉ http:// hoặc https://.`, `--gateway "${options.gateway}": expected an http:// or https:// URL.`, { option: '--gateway' });
          s.sync.useGateway(parsed.data);
        } else if (s.settings.get().syncGatewayUrl === '') {
          throw usageError('Cần --gateway <url> (chưa đặt địa chỉ hệ thống tiếp nhận trong Cài đặt).', 'Give --gateway <url> (no receiving system is configured in Settings).', { option: '--gateway' });
        }
        const result = await s.sync.run(options.once);
        return {
          value: result,
          human: `sent ${result.sent}, already present ${result.alreadyPresent}, needs a person ${result.failed}, pending ${result.pending}`,
          exitCode: result.pending === 0 && result.failed === 0 ? 0 : 1,
        };
      }),
    );
}
