import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { SignResult, TokenSummary } from '../../contract/signing';
import { writeFileAtomically } from '../io';
import { usageError } from '../output';
import type { CommandRunner } from '../runner';

/** `tokens` and `sign` (shared/CLI.md). The PIN only ever comes from the environment variable named by --pin-env. */
export function registerSigning(program: Command, run: CommandRunner): void {
  program
    .command('tokens')
    .description('lists tokens and their certificates / liệt kê USB ký số và chứng thư số')
    .requiredOption('--module <lib>', 'PKCS#11 library')
    .action((options: { module: string }) =>
      run(async ({ services, call }) => {
        const { tokens } = await call<{ tokens: TokenSummary[] }>(services(), 'signing.tokens', { module: options.module });
        const value = {
          tokens: tokens.map((t) => ({ slot: t.slot, label: t.label, serial: t.serial, pin: t.pin, certificates: t.certificates.map(({ id, subject, issuer, notBefore, notAfter }) => ({ id, subject, issuer, notBefore, notAfter })) })),
        };
        const human = tokens
          .map((t) => [`${t.label} (slot ${t.slot}, serial ${t.serial})${t.pin.locked ? ' — PIN BỊ KHÓA / PIN LOCKED' : t.pin.finalTry ? ' — LẦN THỬ CUỐI / FINAL TRY' : t.pin.countLow ? ' — còn ít lần thử / few tries left' : ''}`, ...t.certificates.map((c) => `  [${c.id}] ${c.subject}  (${c.issuer}; ${c.notBefore.slice(0, 10)} → ${c.notAfter.slice(0, 10)})`)].join('\n'))
          .join('\n') || '(không có USB token / no token)';
        return { value, human };
      }),
    );

  program
    .command('sign')
    .description('signs a PDF (PAdES) with a token / ký số tệp PDF')
    .requiredOption('--module <lib>', 'PKCS#11 library')
    .option('--token <label>', 'token label')
    .option('--cert-id <hex>', 'CKA_ID of the certificate, hex')
    .requiredOption('--pin-env <VAR>', 'name of the environment variable holding the PIN')
    .requiredOption('--in <in.pdf>', 'PDF to sign')
    .requiredOption('--out <out.pdf>', 'signed PDF')
    .option('--reason <text>', 'reason shown in the signature')
    .option('--visible', 'visible stamp on the first page', false)
    .option('--confirm-final-try', 'go on although the token says this is the final PIN try', false)
    .action((options: { module: string; token?: string; certId?: string; pinEnv: string; in: string; out: string; reason?: string; visible: boolean; confirmFinalTry: boolean }) =>
      run(async ({ services, call }) => {
        const pin = process.env[options.pinEnv];
        if (!pin) throw usageError(`--pin-env: biến môi trường "${options.pinEnv}" chưa có mã PIN.`, `--pin-env: the environment variable "${options.pinEnv}" holds no PIN.`, { option: '--pin-env' });
        if (options.certId !== undefined && !/^[0-9a-fA-F]+$/.test(options.certId)) throw usageError('--cert-id phải là số hệ 16 (ví dụ 01).', '--cert-id must be hexadecimal (e.g. 01).', { option: '--cert-id' });
        let pdf: Uint8Array;
        try {
          pdf = new Uint8Array(fs.readFileSync(options.in));
        } catch {
          throw usageError(`--in: không đọc được tệp "${options.in}".`, `--in: cannot read file "${options.in}".`, { option: '--in' });
        }
        if (!fs.existsSync(path.dirname(path.resolve(options.out)))) throw usageError(`--out: thư mục của "${options.out}" không tồn tại.`, `--out: the folder of "${options.out}" does not exist.`, { option: '--out' });
        const signed = await call<SignResult>(services(), 'signing.sign', {
          module: options.module,
          tokenLabel: options.token,
          certId: options.certId,
          pin,
          pdf,
          reason: options.reason,
          visible: options.visible,
          confirmFinalTry: options.confirmFinalTry,
        });
        // Written only once signed and verified, whole or not at all.
        writeFileAtomically(options.out, signed.pdf);
        const out = path.resolve(options.out);
        return { value: { out, signer: signed.signer, signedAt: signed.signedAt, subFilter: signed.subFilter }, human: `Đã ký / signed: ${out}\n${signed.signer} — ${signed.signedAt} (${signed.subFilter})` };
      }),
    );
}
