import type { Command } from 'commander';
import { Option } from 'commander';
import type { ScanSource } from '../../../native/scanner/index';
import { createScanners, scannerSetupFromEnv } from '../../services/scanning/scannerSetup';
import { scanToPdf } from '../../services/scanning/scanToDocument';
import { writeFileAtomically } from '../io';
import { usageError } from '../output';
import type { CommandRunner } from '../runner';

interface ScanOptions {
  device: string;
  source: 'flatbed' | 'adf' | 'duplex';
  resolution: string;
  mode: 'color' | 'gray' | 'bw';
  maxPages?: string;
  saneOption: string[];
  out: string;
}

function integer(value: string, option: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw usageError(`${option}: cần một số nguyên từ ${min} đến ${max}, nhận được "${value}".`, `${option}: expected a whole number from ${min} to ${max}, got "${value}".`, { option });
  }
  return n;
}

function saneOptions(pairs: string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^([a-zA-Z][\w-]*)=(.*)$/.exec(pair);
    if (!match) throw usageError(`--sane-option: cần dạng TÊN=GIÁ_TRỊ, nhận được "${pair}".`, `--sane-option: expected NAME=VALUE, got "${pair}".`, { option: '--sane-option' });
    options[match[1]!] = match[2]!;
  }
  return options;
}

const sourceOf: Record<ScanOptions['source'], ScanSource> = { flatbed: 'flatbed', adf: 'feeder', duplex: 'duplex' };

/** `scanners` and `scan` (CLI.md): the same drivers and pipeline the app uses. */
export function registerScan(program: Command, run: CommandRunner): void {
  program
    .command('scanners')
    .description('lists scanners / danh sách máy quét')
    .action(() =>
      run(async () => {
        const scanners = await createScanners(scannerSetupFromEnv()).list();
        const human = scanners.length === 0 ? '(không có máy quét / no scanners)' : scanners.map((s) => `${s.id}  ${s.name}  [${s.sources.join(', ')}]`).join('\n');
        return { value: { scanners }, human };
      }),
    );

  program
    .command('scan')
    .description('scans to one PDF / quét thành một tệp PDF')
    .requiredOption('--device <id>', 'scanner id from `motcua scanners`')
    .addOption(new Option('--source <source>', 'flatbed (glass) or adf (feeder)').choices(['flatbed', 'adf', 'duplex']).default('flatbed'))
    .option('--resolution <dpi>', 'resolution in dots per inch', '300')
    .addOption(new Option('--mode <mode>', 'colour mode').choices(['color', 'gray', 'bw']).default('gray'))
    .option('--max-pages <n>', 'feeder: stop after this many pages')
    .option('--sane-option <NAME=VALUE>', 'extra SANE option (repeatable)', (value: string, all: string[]) => [...all, value], [] as string[])
    .requiredOption('--out <file.pdf>', 'the PDF to write (whole or not at all)')
    .action((options: ScanOptions) =>
      run(async () => {
        const resolution = integer(options.resolution, '--resolution', 50, 1200);
        const maxPages = options.maxPages === undefined ? undefined : integer(options.maxPages, '--max-pages', 1, 500);
        const extraOptions = saneOptions(options.saneOption);
        const scanner = createScanners(scannerSetupFromEnv());
        const { pdf, pages } = await scanToPdf(scanner, options.device, { source: sourceOf[options.source], resolution, mode: options.mode, maxPages, extraOptions });
        writeFileAtomically(options.out, pdf);
        const value = { out: options.out, pages: pages.length, bytes: pdf.byteLength };
        const blanks = pages.flatMap((p, i) => (p.blank ? [i + 1] : []));
        const human = `${value.out}: ${value.pages} page(s), ${value.bytes} bytes${blanks.length > 0 ? ` — blank-looking page(s): ${blanks.join(', ')}` : ''}`;
        return { value, human };
      }),
    );
}
