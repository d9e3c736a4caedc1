import { Command, CommanderError, Option } from 'commander';
import { registerAccounts } from './commands/accounts';
import { registerAudit, registerRetention } from './commands/audit';
import { registerCatalogue } from './commands/catalogue';
import { registerCccd } from './commands/cccd';
import { registerDoctor } from './commands/doctor';
import { registerDossiers, registerRender } from './commands/dossiers';
import { registerDrafts } from './commands/drafts';
import { registerKeys } from './commands/keys';
import { registerKioskAssist } from './commands/kioskAssist';
import { registerScan } from './commands/scan';
import { registerSettings } from './commands/settings';
import { registerSync } from './commands/sync';
import { registerSigning } from './commands/signing';
import { appVersion } from './context';
import { printError, type Lang } from './output';
import { createRunner } from './runner';

/** `motcua` — the operator CLI (shared/CLI.md): a second front door onto the app's services. */
export function buildProgram(): Command {
  const program = new Command('motcua')
    .description('Một Cửa Kiosk — công cụ dòng lệnh cho cán bộ kỹ thuật / operator CLI')
    .version(appVersion())
    .addOption(new Option('--data-dir <dir>', 'data directory / thư mục dữ liệu').env('MOTCUA_DATA_DIR'))
    .option('--json', 'print exactly one JSON document on stdout', false)
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['vi', 'en']).default('vi'))
    .showSuggestionAfterError()
    .exitOverride();

  const globals = () => {
    const o = program.opts<{ dataDir?: string; json: boolean; lang: Lang }>();
    return { dataDir: o.dataDir, json: o.json, lang: o.lang };
  };
  const run = createRunner(globals);
  registerDoctor(program, run);
  registerCatalogue(program, run);
  registerDrafts(program, run);
  registerDossiers(program, run);
  registerRender(program, run);
  registerSettings(program, run);
  registerAudit(program, run);
  registerRetention(program, run);
  registerKeys(program, run);
  registerAccounts(program, run);
  registerSync(program, run);
  registerKioskAssist(program, run);
  registerScan(program, run);
  registerCccd(program, run);
  registerSigning(program, run);
  return program;
}

function usageLang(argv: string[]): { json: boolean; lang: Lang } {
  const i = argv.indexOf('--lang');
  return { json: argv.includes('--json'), lang: argv[i + 1] === 'en' ? 'en' : 'vi' };
}

export async function runCli(argv: string[]): Promise<void> {
  const program = buildProgram();
  // Usage errors come out as error[USAGE] with exit 2, in both languages like every other error.
  program.configureOutput({ writeErr: () => undefined });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) {
        // --help and --version: commander already printed them to stdout.
        process.exitCode = 0;
        return;
      }
      const text = error.message.replace(/^error: /, '');
      process.exitCode = printError(usageLang(argv), {
        code: 'USAGE',
        message_vi: `Lệnh không đúng cách dùng: ${text}. Xem "motcua --help".`,
        message_en: `Bad usage: ${text}. See "motcua --help".`,
        details: { commanderCode: error.code },
      });
      return;
    }
    throw error;
  }
}

await runCli(process.argv.slice(2));
