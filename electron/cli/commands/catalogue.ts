import type { Command } from 'commander';
import type { SearchResult } from '../../contract/catalogue';
import type { ProcedureDefinition } from '../../contract/procedure';
import { usageError } from '../output';
import type { CommandRunner } from '../runner';

export function registerCatalogue(program: Command, run: CommandRunner): void {
  const catalogue = program.command('catalogue').description('procedure catalogue / danh mục thủ tục');

  catalogue
    .command('search <query>')
    .description('ranked search, diacritics optional, typo-tolerant')
    .option('--limit <n>', 'number of results', '10')
    .action((query: string, options: { limit: string }) =>
      run(async ({ services, call }) => {
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw usageError('--limit phải là số nguyên từ 1 đến 50.', '--limit must be a whole number from 1 to 50.', { option: '--limit' });
        const { results } = await call<{ results: SearchResult[] }>(services(), 'catalogue.search', { query, limit });
        return { value: { results: results.map(({ code, name, score }) => ({ code, name, score })) }, human: results.map((r) => `${r.code}  ${r.name}  (${r.score.toFixed(2)})`).join('\n') || '(không có kết quả / no results)' };
      }),
    );

  catalogue
    .command('show <code>')
    .description('one procedure definition')
    .action((code: string) =>
      run(async ({ services, call }) => {
        const definition = await call<ProcedureDefinition>(services(), 'catalogue.get', { code });
        const human = [
          `${definition.code}  ${definition.name}`,
          `Cơ quan: ${definition.agency.name}`,
          `Thời hạn: ${definition.processing.workingDays} ngày làm việc`,
          'Giấy tờ:',
          ...definition.documents.map((d) => `  - ${d.name} (bản chính ${d.originals}, bản sao ${d.copies})${d.required ? '' : ' (không bắt buộc)'}`),
        ].join('\n');
        return { value: definition, human };
      }),
    );

  catalogue
    .command('example <code>')
    .description('a complete, valid example answer set')
    .action((code: string) =>
      run(async ({ services, call }) => {
        const definition = await call<ProcedureDefinition>(services(), 'catalogue.get', { code });
        return { value: { answers: definition.example }, human: JSON.stringify({ answers: definition.example }, null, 2) };
      }),
    );
}
