import type { Command } from 'commander';
import type { CommandRunner } from '../runner';

/** Extension of CLI.md: rotation of the data key that encrypts personal data at rest. */
export function registerKeys(program: Command, run: CommandRunner): void {
  program
    .command('keys')
    .description('encryption keys / khóa mã hóa')
    .command('rotate')
    .description('new data key; re-encrypts every stored value and file, then destroys the old keys')
    .action(() =>
      run(async ({ services }) => {
        const result = services().rotateDataKey();
        return { value: result, human: `data key ${result.keyId}: re-encrypted ${result.values} value(s) and ${result.files} file(s)` };
      }),
    );
}
