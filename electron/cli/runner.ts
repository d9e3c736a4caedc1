import type { AppServices } from '../services/createServices';
import { ContractError } from '../contract/errors';
import { call, openServices } from './context';
import { printError, printResult, type OutputOptions } from './output';

export interface CommandTools {
  /** Opens the services on first use (commands that need no database never open it). */
  services(): AppServices;
  call: typeof call;
}

export interface CommandOutcome {
  value: unknown;
  human: string;
  exitCode?: number;
}

export type CommandRunner = (body: (tools: CommandTools) => Promise<CommandOutcome>) => Promise<void>;

/**
 * Runs one command: opens services lazily, prints the result or the typed error, sets the exit
 * code, and always closes the database (marking the run clean) before the process ends.
 */
export function createRunner(globals: () => OutputOptions & { dataDir?: string }): CommandRunner {
  return async (body) => {
    const options = globals();
    let opened = null as AppServices | null;
    const tools: CommandTools = {
      services() {
        opened ??= openServices(options.dataDir);
        return opened;
      },
      call,
    };
    try {
      const outcome = await body(tools);
      printResult(options, outcome.value, () => outcome.human);
      process.exitCode = outcome.exitCode ?? 0;
    } catch (error) {
      if (error instanceof ContractError) {
        process.exitCode = printError(options, error.toValue());
      } else {
        process.exitCode = printError(options, {
          code: 'INTERNAL',
          message_vi: `Lỗi không mong đợi: ${(error as Error).message}`,
          message_en: `Unexpected error: ${(error as Error).message}`,
          details: {},
        });
      }
    } finally {
      opened?.close();
    }
  };
}
