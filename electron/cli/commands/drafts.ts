import type { Command } from 'commander';
import type { Draft } from '../../contract/drafts';
import { readJsonInput } from '../io';
import { usageError } from '../output';
import type { CommandRunner } from '../runner';

export function registerDrafts(program: Command, run: CommandRunner): void {
  const drafts = program.command('drafts').description('drafts / hồ sơ đang làm dở');

  drafts
    .command('save')
    .description('creates or updates a draft from an answers object')
    .requiredOption('--procedure <code>', 'procedure code, e.g. 1.001193')
    .requiredOption('--data <file>', "answers JSON file, or '-' for standard input")
    .option('--id <id>', 'draft to update')
    .action((options: { procedure: string; data: string; id?: string }) =>
      run(async ({ services, call }) => {
        const data = readJsonInput(options.data, '--data');
        // Accept both the bare answers object and the {answers} document `catalogue example` prints.
        const answers = data !== null && typeof data === 'object' && 'answers' in data ? (data as { answers: unknown }).answers : data;
        if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
          throw usageError('--data: cần một đối tượng JSON các câu trả lời.', '--data: expected a JSON object of answers.', { option: '--data' });
        }
        const saved = await call<{ id: string; procedureCode: string; updatedAt: string }>(services(), 'drafts.save', {
          ...(options.id ? { id: options.id } : {}),
          procedureCode: options.procedure,
          mode: 'counter',
          answers,
        });
        const value = { id: saved.id, procedureCode: saved.procedureCode, updatedAt: saved.updatedAt };
        return { value, human: `saved draft ${value.id}` };
      }),
    );

  drafts
    .command('show <id>')
    .description('one draft')
    .action((id: string) =>
      run(async ({ services, call }) => {
        const draft = await call<Draft>(services(), 'drafts.get', { id });
        return { value: draft, human: JSON.stringify(draft, null, 2) };
      }),
    );

  drafts
    .command('list')
    .description('open drafts, newest first')
    .option('--cccd <number>', 'only drafts where this CCCD number was given (looked up by keyed hash)')
    .action((options: { cccd?: string }) =>
      run(async ({ services, call }) => {
        const filter = options.cccd === undefined ? {} : { idNumber: options.cccd };
        const result = await call<{ drafts: { id: string; procedureCode: string; procedureName: string; updatedAt: string }[] }>(services(), 'drafts.list', filter);
        return { value: result, human: result.drafts.map((d) => `${d.id}  ${d.procedureCode}  ${d.procedureName}  ${d.updatedAt}`).join('\n') || '(không có / none)' };
      }),
    );
}
