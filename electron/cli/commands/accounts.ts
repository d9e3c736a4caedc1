import type { Command } from 'commander';
import { Option } from 'commander';
import type { Account, AccountListItem, AccountRole } from '../../contract/accounts';
import { ContractError } from '../../contract/errors';
import type { CommandRunner } from '../runner';

function describe(a: Account): string {
  return `${a.username}  ${a.role}  ${a.displayName}  (${a.id})`;
}

/**
 * Extension of CLI.md: officials' accounts. The CLI is the machine's operator, so it calls the
 * accounts service directly, without a signed-in supervisor. The PIN comes from an environment
 * variable, never from the command line (which `ps` and shell history show to everyone).
 */
export function registerAccounts(program: Command, run: CommandRunner): void {
  const accounts = program.command('accounts').description("officials' accounts / tài khoản cán bộ");
  accounts
    .command('create')
    .description('creates an account; the PIN (6–12 digits) is read from the environment variable named by --pin-env')
    .requiredOption('--username <username>', 'a–z, 0–9, ".", "_", "-"; 3–32 characters')
    .requiredOption('--name <name>', "the official's display name")
    .addOption(new Option('--role <role>', 'official or supervisor').choices(['official', 'supervisor']).makeOptionMandatory())
    .requiredOption('--pin-env <variable>', 'name of the environment variable holding the PIN')
    .action((options: { username: string; name: string; role: AccountRole; pinEnv: string }) =>
      run(async ({ services }) => {
        const pin = process.env[options.pinEnv];
        if (pin === undefined || pin === '') {
          throw new ContractError({
            code: 'VALIDATION_FAILED',
            message_vi: `Biến môi trường ${options.pinEnv} chưa được đặt: hãy đặt mã PIN (6–12 chữ số) vào đó.`,
            message_en: `The environment variable ${options.pinEnv} is not set: put the PIN (6–12 digits) in it.`,
            details: { errors: [{ path: 'pin', message_vi: 'Chưa có mã PIN.', message_en: 'No PIN given.' }] },
          });
        }
        const value = await services().accounts.create({ username: options.username, displayName: options.name, role: options.role, pin }, { actor: 'cli', operator: true });
        return { value, human: `created ${describe(value)}` };
      }),
    );
  accounts
    .command('list')
    .description('lists the accounts and which are locked')
    .action(() =>
      run(async ({ services }) => {
        const list: AccountListItem[] = services().accounts.list();
        const human = list.length === 0 ? '(chưa có tài khoản / no accounts: first-run setup mode)' : list.map((a) => `${describe(a)}${a.locked ? '  LOCKED' : ''}`).join('\n');
        return { value: { accounts: list }, human };
      }),
    );
  accounts
    .command('unlock')
    .description('unlocks an account locked after five wrong PINs')
    .argument('<username>')
    .action((username: string) =>
      run(async ({ services }) => {
        const value = services().accounts.unlock(username, { actor: 'cli', operator: true });
        return { value, human: `unlocked ${describe(value)}` };
      }),
    );
}
