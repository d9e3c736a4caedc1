import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { parseCccdQr, type CccdData } from '../../contract/cccd/index';
import { ContractError } from '../../contract/errors';
import type { CommandRunner } from '../runner';

function human(data: CccdData): string {
  return [
    `Số CCCD:      ${data.idNumber}`,
    `Số CMND cũ:   ${data.oldIdNumber ?? '—'}`,
    `Họ và tên:    ${data.fullName}`,
    `Ngày sinh:    ${data.dateOfBirth}`,
    `Giới tính:    ${data.sex === 'male' ? 'Nam' : 'Nữ'}`,
    `Nơi thường trú: ${data.address ?? '—'}`,
    `Ngày cấp:     ${data.issueDate ?? '—'}`,
  ].join('\n');
}

/** `motcua cccd parse <text>` (shared/CLI.md): the card's QR text → its fields; `-` reads stdin. */
export function registerCccd(program: Command, run: CommandRunner): void {
  const cccd = program.command('cccd').description('citizen ID card QR / mã QR thẻ căn cước');
  cccd
    .command('parse <text>')
    .description('parses the QR text of a citizen ID card ("-" reads it from stdin)')
    .action((text: string) =>
      run(async () => {
        const input = text === '-' ? readFileSync(0, 'utf8') : text;
        const result = parseCccdQr(input);
        if (!result.ok) {
          const { field, problem, message_vi, message_en } = result.error;
          throw new ContractError({ code: 'VALIDATION_FAILED', message_vi, message_en, details: { field, problem, errors: [{ path: field, message_vi, message_en }] } });
        }
        return { value: result.value, human: human(result.value) };
      }),
    );
}
