import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { capabilitiesFromOptions, parseSaneOptions } from './saneOptionList';
import { saneError } from './saneStatus';
import type { ScanRequest, ScannedPage, Scanner, ScannerCapabilities, ScannerInfo } from './scanner';
import { ScannerError } from './scannerError';
import { deviceSourceName, modeKind } from './sourceNames';

export interface SaneScannerOptions {
  /** The scanimage binary (default: from PATH). */
  command?: string;
  /** Extra environment, e.g. SANE_CONFIG_DIR for a project-local configuration. */
  env?: Record<string, string>;
  /** Where batch pages land until read (default: RAM-backed /dev/shm when present). */
  workDir?: string;
}

// A separator no device name contains, so the formatted list splits without guessing.
const sep = '\u001f';
const idPrefix = 'sane:';
const a4 = { widthMm: 210, heightMm: 297 };

/**
 * SANE through `scanimage`: always execFile with an argument array (device names are never parsed
 * by a shell) and LANG=C (its messages are matched in English). Pages come as one file each from
 * `--batch`, announced on stdout by `--batch-print` once complete.
 */
export class SaneScanner implements Scanner {
  readonly backend = 'sane' as const;

  constructor(private readonly options: SaneScannerOptions = {}) {}

  private run(args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      execFile(this.options.command ?? 'scanimage', args, { env: this.env(), timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) reject(error.code === 'ENOENT' ? new ScannerError('notFound', 'scanimage is not installed') : saneError(typeof error.code === 'number' ? error.code : null, stderr, 0));
        else resolve({ stdout, stderr });
      });
    });
  }

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, ...this.options.env, LANG: 'C', LC_ALL: 'C' };
  }

  async list(): Promise<ScannerInfo[]> {
    // Network backends can take a while to answer; a minute covers them without hanging forever.
    const { stdout } = await this.run([`--formatted-device-list=%d${sep}%v${sep}%m${sep}%t%n`], 60_000);
    const devices = stdout
      .split('\n')
      .filter((line) => line.includes(sep))
      .map((line) => {
        const [name = '', vendor = '', model = ''] = line.split(sep);
        return { name, label: `${vendor} ${model}`.trim() };
      });
    const infos: ScannerInfo[] = [];
    for (const device of devices) {
      const capabilities = await this.capabilities(idPrefix + device.name).catch(() => null);
      infos.push({ id: idPrefix + device.name, name: device.label || device.name, backend: 'sane', sources: capabilities?.sources ?? ['flatbed'] });
    }
    return infos;
  }

  private async optionsOf(deviceId: string) {
    const { stdout } = await this.run(['-d', deviceName(deviceId), '-A'], 30_000);
    return capabilitiesFromOptions(parseSaneOptions(stdout));
  }

  async capabilities(deviceId: string): Promise<ScannerCapabilities> {
    const { sourceNames: _s, modeNames: _m, ...capabilities } = await this.optionsOf(deviceId);
    return capabilities;
  }

  async scan(deviceId: string, request: ScanRequest, onPage: (page: ScannedPage) => void | Promise<void>): Promise<{ pages: number }> {
    const device = await this.optionsOf(deviceId);
    const args = ['-d', deviceName(deviceId), '--format=tiff', '--progress', '--batch-print', `--resolution=${request.resolution}`];
    if (device.sourceNames.length > 0) {
      const source = deviceSourceName(device.sourceNames, request.source);
      if (!source) throw new ScannerError('unsupported', `source ${request.source} not offered (${device.sourceNames.join(', ')})`);
      args.push(`--source=${source}`);
    } else if (request.source !== 'flatbed') {
      throw new ScannerError('unsupported', `source ${request.source} not offered (flatbed only)`);
    }
    // Gray and bw are both scanned in gray: the pipeline makes bw, which looks better than most lineart modes.
    const wantedMode = request.mode === 'color' ? 'color' : 'gray';
    const mode = device.modeNames.find((m) => modeKind(m) === wantedMode);
    if (mode) args.push(`--mode=${mode}`);
    args.push('-x', String(Math.min(a4.widthMm, device.maxWidthMm)), '-y', String(Math.min(a4.heightMm, device.maxHeightMm)));
    for (const [name, value] of Object.entries(request.extraOptions ?? {})) args.push(`--${name}=${value}`);
    const count = request.source === 'flatbed' ? 1 : request.maxPages;
    if (count !== undefined) args.push(`--batch-count=${count}`);

    const dir = fs.mkdtempSync(path.join(this.options.workDir ?? defaultWorkDir(), 'motcua-scan-'));
    try {
      args.push(`--batch=${path.join(dir, 'page-%04d.tif')}`);
      return await this.runBatch(args, request, onPage);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  private runBatch(args: string[], request: ScanRequest, onPage: (page: ScannedPage) => void | Promise<void>): Promise<{ pages: number }> {
    return new Promise((resolve, reject) => {
      let delivered = 0;
      let stderr = '';
      let stdoutRest = '';
      let currentPage = 1;
      // Pages are read and removed one at a time, in order, while the device scans the next.
      let chain: Promise<void> = Promise.resolve();
      const child = execFile(this.options.command ?? 'scanimage', args, { env: this.env(), signal: request.signal, maxBuffer: 64 * 1024 * 1024 }, (error) => {
        void chain.then(
          () => {
            if (request.signal?.aborted) return reject(new ScannerError('cancelled', 'cancelled by the user', delivered));
            if (!error && delivered > 0) return resolve({ pages: delivered });
            // scanimage itself exits 0 when the feeder was empty from the start: no page is an error.
            const failure = error ? saneError(typeof error.code === 'number' ? error.code : null, stderr, delivered) : new ScannerError('noDocuments', lastMessage(stderr), 0);
            // An empty feeder after at least one page is how every feeder batch ends.
            if (failure.kind === 'noDocuments' && delivered > 0) return resolve({ pages: delivered });
            reject(failure);
          },
          (pageError: unknown) => reject(pageError),
        );
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        stderr += text;
        for (const piece of text.split(/[\r\n]+/)) {
          const started = /^Scanning page (\d+)/.exec(piece);
          if (started) currentPage = Number(started[1]);
          const progress = /^Progress: ([\d.]+)%/.exec(piece);
          if (progress) request.onProgress?.({ page: currentPage, fraction: Number(progress[1]) / 100 });
        }
      });
      child.stdout?.on('data', (chunk: Buffer) => {
        const lines = (stdoutRest + chunk.toString('utf8')).split('\n');
        stdoutRest = lines.pop() ?? '';
        for (const file of lines.filter((l) => l.trim().length > 0)) {
          chain = chain.then(async () => {
            // After Stop, pages the device already pushed out are not handed over: what the person
            // saw when pressing Stop is what they keep.
            if (request.signal?.aborted) return fs.rmSync(file.trim(), { force: true });
            const image = fs.readFileSync(file.trim());
            fs.rmSync(file.trim(), { force: true });
            delivered += 1;
            await onPage({ index: delivered, image, resolution: request.resolution });
          });
          chain.catch(() => child.kill());
        }
      });
    });
  }
}

function lastMessage(stderr: string): string {
  return stderr.split(/[\r\n]+/).filter((l) => l.startsWith('scanimage:')).at(-1) ?? 'no page scanned';
}

function deviceName(deviceId: string): string {
  if (!deviceId.startsWith(idPrefix)) throw new ScannerError('notFound', `not a SANE device id: ${deviceId}`);
  return deviceId.slice(idPrefix.length);
}

/**
 * Scanned pages are personal data: they wait in RAM-backed /dev/shm (never on disk) for the
 * moment between scanimage writing them and us reading them; elsewhere in the private temp dir.
 */
function defaultWorkDir(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}
