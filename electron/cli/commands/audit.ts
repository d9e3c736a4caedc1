import type { Command } from 'commander';
import type { AuditVerification } from '../../contract/audit';
import { ContractError } from '../../contract/errors';
import type { PurgeResult } from '../../contract/retention';
import type { CommandRunner } from '../runner';

const problemVi: Record<NonNullable<AuditVerification['problem']>, string> = {
  modified: 'đã bị sửa',
  deleted: 'đứng sau một mục đã bị xóa',
  reordered: 'bị đổi thứ tự',
};
const problemEn: Record<NonNullable<AuditVerification['problem']>, string> = {
  modified: 'was modified',
  deleted: 'follows a deleted entry',
  reordered: 'is out of order',
};

/** Extension of CLI.md: `audit verify` walks the hash chain of the audit log. */
export function registerAudit(program: Command, run: CommandRunner): void {
  const audit = program.command('audit').description('audit log / nhật ký truy cập');
  audit
    .command('verify')
    .description('checks that no audit entry was edited or deleted (exit 1 when the chain is broken)')
    .action(() =>
      run(async ({ services, call }) => {
        const result = await call<AuditVerification>(services(), 'audit.verify', {});
        if (!result.ok && result.problem !== null && result.firstBadId !== null) {
          throw new ContractError({
            code: 'AUDIT_CHAIN_BROKEN',
            message_vi: `Nhật ký kiểm tra bị can thiệp: mục #${result.firstBadId} ${problemVi[result.problem]} (${result.entries} mục).`,
            message_en: `The audit log was tampered with: entry #${result.firstBadId} ${problemEn[result.problem]} (${result.entries} entries).`,
            details: { ...result },
          });
        }
        return { value: result, human: `audit log ok: ${result.entries} entries / nhật ký nguyên vẹn: ${result.entries} mục` };
      }),
    );
}

/** Extension of CLI.md: `retention purge` runs now what the app runs every hour. */
export function registerRetention(program: Command, run: CommandRunner): void {
  const retention = program.command('retention').description('retention / thời hạn lưu trữ');
  retention
    .command('purge')
    .description('purges confirmed dossiers past the retention period and kiosk drafts abandoned for 24 hours')
    .action(() =>
      run(async ({ services, call }) => {
        const result = await call<PurgeResult>(services(), 'retention.purge', {});
        return { value: result, human: `purged: ${result.dossiers} dossiers, ${result.kioskDrafts} kiosk drafts, ${result.files} files / đã xóa: ${result.dossiers} hồ sơ, ${result.kioskDrafts} hồ sơ nháp kiosk, ${result.files} tệp` };
      }),
    );
}
