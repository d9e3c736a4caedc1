import type { ScannerCapabilities } from './scanner';
import { modeKind, sourceKind, unique } from './sourceNames';

export interface SaneOptionValues {
  /** Values of a list option (`--source Flatbed|ADF [Flatbed]`). */
  list: string[];
  /** Range of a numeric option (`--resolution 1..1200dpi (in steps of 1) [50]`). */
  range?: { min: number; max: number };
  current?: string;
  inactive: boolean;
}

/**
 * Parses `scanimage -A` (LANG=C). Each option line is `    --name values [current]` or
 * `    -x values [current]`; description lines are indented further and never start with a dash.
 */
export function parseSaneOptions(text: string): Map<string, SaneOptionValues> {
  const options = new Map<string, SaneOptionValues>();
  for (const line of text.split('\n')) {
    const match = /^\s{4}(--?[a-zA-Z][\w-]*)(?:\[=\(([^)]*)\)\])?\s*(.*?)\s*(?:\[([^\]]*)\])?\s*$/.exec(line);
    if (!match) continue;
    const [, name, boolChoices, rawValues, current] = match;
    const values = (boolChoices ?? rawValues ?? '').replace(/\s*\(in steps of [^)]*\)/, '');
    const range = /^(-?[\d.]+)\.\.(-?[\d.]+)/.exec(values);
    options.set(name!.replace(/^-+/, ''), {
      list: range ? [] : values.split('|').map((v) => v.replace(/(dpi|mm|%)$/, '').trim()).filter((v) => v.length > 0),
      range: range ? { min: Number(range[1]), max: Number(range[2]) } : undefined,
      current,
      inactive: current === 'inactive',
    });
  }
  return options;
}

const commonResolutions = [75, 100, 150, 200, 300, 400, 600];

export function capabilitiesFromOptions(options: Map<string, SaneOptionValues>): ScannerCapabilities & { sourceNames: string[]; modeNames: string[] } {
  const source = options.get('source');
  const mode = options.get('mode');
  const resolution = options.get('resolution');
  const sourceNames = source?.list ?? [];
  const modeNames = mode?.list ?? [];
  const resolutions = resolution?.range
    ? commonResolutions.filter((r) => r >= resolution.range!.min && r <= resolution.range!.max)
    : (resolution?.list ?? []).map(Number).filter((r) => Number.isFinite(r) && r > 0);
  const width = options.get('x')?.range?.max ?? 215.9;
  const height = options.get('y')?.range?.max ?? 297;
  return {
    // A device without a source option is a plain flatbed.
    sources: sourceNames.length === 0 ? ['flatbed'] : unique(sourceNames.map(sourceKind)),
    // bw and gray are made from a gray scan by the pipeline when the device lacks lineart.
    modes: unique([...modeNames.map(modeKind), modeNames.some((m) => modeKind(m) === 'gray') ? 'bw' : null]),
    resolutions,
    maxWidthMm: width,
    maxHeightMm: height,
    sourceNames,
    modeNames,
  };
}
