import type { Command } from 'commander';
import type { DoctorReport } from '../../contract/app';
import type { CommandRunner } from '../runner';

function describe(report: DoctorReport): string {
  const lines = [
    `Node.js        ${report.node}`,
    `SQLite         ${report.sqlite}`,
    `Data dir       ${report.dataDir}`,
    `DB integrity   ${report.dbIntegrity}  (schema ${report.schemaVersion})`,
    `Procedures     ${report.procedures}`,
    `Scanners       ${report.scanners.length}`,
    `Tokens         ${report.tokens.length}`,
    ...report.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}: ${c.detail}`),
  ];
  return lines.join('\n');
}

export function registerDoctor(program: Command, run: CommandRunner): void {
  program
    .command('doctor')
    .description('checks the installation / kiểm tra cài đặt')
    .action(() =>
      run(async ({ services, call }) => {
        const report = await call<DoctorReport>(services(), 'app.doctor', {});
        const failed = report.checks.some((c) => !c.ok);
        return { value: report, human: describe(report), exitCode: failed ? 1 : 0 };
      }),
    );
}
