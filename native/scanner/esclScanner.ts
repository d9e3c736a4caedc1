import { parseCapabilities, parseStatus, scanSettingsXml, type EsclCapabilities, type EsclColorMode, type EsclStatus } from './esclXml';
import type { ScanRequest, ScannedPage, Scanner, ScannerCapabilities, ScannerInfo, ScanSource } from './scanner';
import { ScannerError, type ScannerErrorKind } from './scannerError';

export interface EsclScannerOptions {
  /** eSCL base URLs (`http://192.168.1.20/eSCL`), configured by the technician. */
  urls?: readonly string[];
  /** Finds more scanners on the network (mDNS `_uscan._tcp`); optional. */
  discover?: () => Promise<string[]>;
  /** How long to wait between NextDocument retries while the scanner answers 503 (ms). */
  retryDelayMs?: number;
  /** Give up on a page after this many 503 answers in a row. */
  maxRetries?: number;
}

const idPrefix = 'escl:';
const a4 = { width: 2480, height: 3508 }; // 210 × 297 mm in 1/300 inch

/** AdfState values (eSCL 2.x) that stop a scan, with our kind. */
const adfProblems: Record<string, ScannerErrorKind> = {
  ScannerAdfJam: 'jammed',
  ScannerAdfMispick: 'jammed',
  ScannerAdfDuplexPageTooShort: 'jammed',
  ScannerAdfDuplexPageTooLong: 'jammed',
  ScannerAdfMultipickDetected: 'jammed',
  ScannerAdfHatchOpen: 'coverOpen',
  ScannerAdfEmpty: 'noDocuments',
};

/**
 * eSCL ("AirScan", driverless network scanning) over plain HTTP: GET ScannerCapabilities and
 * ScannerStatus, POST ScanJobs (→ 201 + Location), then GET {job}/NextDocument until 404, waiting
 * on 503, DELETE {job} to cancel. Works the same on Windows kiosks: it is only HTTP.
 */
export class EsclScanner implements Scanner {
  readonly backend = 'escl' as const;

  constructor(private readonly options: EsclScannerOptions = {}) {}

  private async get(url: string, signal?: AbortSignal): Promise<Response> {
    try {
      return await fetch(url, { signal: signal ?? AbortSignal.timeout(15_000) });
    } catch (error) {
      if (signal?.aborted) throw new ScannerError('cancelled', 'cancelled by the user');
      throw new ScannerError('notFound', `${url}: ${(error as Error).message}`);
    }
  }

  private async capabilitiesOf(base: string): Promise<EsclCapabilities> {
    const response = await this.get(`${base}/ScannerCapabilities`);
    if (!response.ok) throw new ScannerError('notFound', `ScannerCapabilities: HTTP ${response.status}`);
    return parseCapabilities(await response.text());
  }

  private async status(base: string): Promise<EsclStatus> {
    const response = await this.get(`${base}/ScannerStatus`);
    if (!response.ok) throw new ScannerError('io', `ScannerStatus: HTTP ${response.status}`);
    return parseStatus(await response.text());
  }

  async list(): Promise<ScannerInfo[]> {
    const discovered = this.options.discover ? await this.options.discover().catch(() => []) : [];
    const urls = [...new Set([...(this.options.urls ?? []), ...discovered].map(normalizeBase))];
    const found = await Promise.allSettled(
      urls.map(async (base) => {
        const caps = await this.capabilitiesOf(base);
        return { id: idPrefix + base, name: caps.makeAndModel, backend: 'escl' as const, sources: sourcesOf(caps) };
      }),
    );
    return found.flatMap((f) => (f.status === 'fulfilled' ? [f.value] : []));
  }

  async capabilities(deviceId: string): Promise<ScannerCapabilities> {
    const caps = await this.capabilitiesOf(baseOf(deviceId));
    const modes = caps.colorModes.map((m) => (m === 'RGB24' ? 'color' : m === 'Grayscale8' ? 'gray' : 'bw'));
    return {
      sources: sourcesOf(caps),
      modes: [...new Set([...modes, ...(modes.includes('gray') ? (['bw'] as const) : [])])],
      resolutions: caps.resolutions,
      maxWidthMm: (caps.maxWidth / 300) * 25.4,
      maxHeightMm: (caps.maxHeight / 300) * 25.4,
    };
  }

  async scan(deviceId: string, request: ScanRequest, onPage: (page: ScannedPage) => void | Promise<void>): Promise<{ pages: number }> {
    const base = baseOf(deviceId);
    const caps = await this.capabilitiesOf(base);
    if (!sourcesOf(caps).includes(request.source)) throw new ScannerError('unsupported', `source ${request.source} not offered`);
    await this.checkReady(base, request.source);
    const resolution = nearest(caps.resolutions, request.resolution);
    const colorMode: EsclColorMode = request.mode === 'color' && caps.colorModes.includes('RGB24') ? 'RGB24' : caps.colorModes.includes('Grayscale8') ? 'Grayscale8' : 'RGB24';
    const documentFormat = caps.formats.includes('image/jpeg') ? 'image/jpeg' : caps.formats.includes('image/png') ? 'image/png' : (caps.formats[0] ?? 'image/jpeg');
    const body = scanSettingsXml({
      inputSource: request.source === 'flatbed' ? 'Platen' : 'Feeder',
      duplex: request.source === 'duplex',
      colorMode,
      resolution,
      width: Math.min(a4.width, caps.maxWidth),
      height: Math.min(a4.height, caps.maxHeight),
      documentFormat,
    });
    const created = await fetch(`${base}/ScanJobs`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body, signal: AbortSignal.timeout(30_000) }).catch((error: Error) => {
      throw new ScannerError('notFound', `ScanJobs: ${error.message}`);
    });
    if (created.status === 503) throw new ScannerError('busy', 'ScanJobs: HTTP 503 (busy)');
    if (created.status === 409) throw new ScannerError(request.source === 'flatbed' ? 'busy' : 'noDocuments', 'ScanJobs: HTTP 409');
    const location = created.headers.get('location');
    if (created.status !== 201 || !location) throw new ScannerError('io', `ScanJobs: HTTP ${created.status}`);
    const job = new URL(location, `${base}/`).toString().replace(/\/$/, '');
    return this.collect(base, job, request, resolution, onPage);
  }

  /** Refuses early with a clear reason rather than starting a job the device cannot run. */
  private async checkReady(base: string, source: ScanSource): Promise<void> {
    const status = await this.status(base);
    if (status.state !== 'Idle') throw new ScannerError(status.state === 'Down' ? 'io' : 'busy', `ScannerStatus: ${status.state}`);
    if (source !== 'flatbed' && status.adfState) {
      const problem = adfProblems[status.adfState];
      if (problem) throw new ScannerError(problem, `AdfState: ${status.adfState}`);
    }
  }

  private async collect(base: string, job: string, request: ScanRequest, resolution: number, onPage: (page: ScannedPage) => void | Promise<void>): Promise<{ pages: number }> {
    const maxPages = request.source === 'flatbed' ? 1 : (request.maxPages ?? Number.POSITIVE_INFINITY);
    const retryDelay = this.options.retryDelayMs ?? 500;
    const maxRetries = this.options.maxRetries ?? 240;
    let delivered = 0;
    let retries = 0;
    const cancel = async () => {
      await fetch(job, { method: 'DELETE', signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
    };
    while (delivered < maxPages) {
      if (request.signal?.aborted) {
        await cancel();
        throw new ScannerError('cancelled', 'cancelled by the user', delivered);
      }
      request.onProgress?.({ page: delivered + 1, fraction: 0 });
      const response = await this.get(`${job}/NextDocument`, request.signal).catch(async (error: unknown) => {
        if (error instanceof ScannerError && error.kind === 'cancelled') await cancel();
        throw error instanceof ScannerError ? new ScannerError(error.kind, error.deviceMessage, delivered) : error;
      });
      if (response.status === 503) {
        // Not ready yet (the page is still being scanned or converted): ask again shortly.
        await response.arrayBuffer();
        retries += 1;
        if (retries > maxRetries) {
          await cancel();
          throw new ScannerError('io', 'NextDocument kept answering 503', delivered);
        }
        await sleep(retryDelay, request.signal);
        continue;
      }
      retries = 0;
      if (response.status === 200) {
        const image = Buffer.from(await response.arrayBuffer());
        delivered += 1;
        request.onProgress?.({ page: delivered, fraction: 1 });
        await onPage({ index: delivered, image, resolution });
        continue;
      }
      await response.arrayBuffer();
      // 404 is the normal end of a job; whether it ended well only ScannerStatus can tell.
      const ended = await this.endOfJob(base, job, delivered, response.status);
      if (ended) throw ended;
      return { pages: delivered };
    }
    await cancel(); // maxPages reached with paper left in the feeder
    return { pages: delivered };
  }

  private async endOfJob(base: string, job: string, delivered: number, httpStatus: number): Promise<ScannerError | null> {
    const status = await this.status(base).catch(() => null);
    const problem = status?.adfState ? adfProblems[status.adfState] : undefined;
    if (problem && !(problem === 'noDocuments' && delivered > 0)) return new ScannerError(problem, `AdfState: ${status!.adfState}`, delivered);
    const info = status?.jobs.find((j) => job.endsWith(j.uri) || j.uri.endsWith(new URL(job).pathname));
    if (info && info.state === 'Aborted') return new ScannerError('io', `JobState: Aborted ${info.reasons.join(',')}`, delivered);
    if (httpStatus !== 404) return new ScannerError('io', `NextDocument: HTTP ${httpStatus}`, delivered);
    return delivered === 0 ? new ScannerError('noDocuments', 'job ended without a page', 0) : null;
  }
}

function sourcesOf(caps: EsclCapabilities): ScanSource[] {
  return [...(caps.platen ? (['flatbed'] as const) : []), ...(caps.adf ? (['feeder'] as const) : []), ...(caps.duplex ? (['duplex'] as const) : [])];
}

function nearest(values: readonly number[], wanted: number): number {
  if (values.length === 0) return wanted;
  return values.reduce((best, v) => (Math.abs(v - wanted) < Math.abs(best - wanted) ? v : best));
}

function normalizeBase(url: string): string {
  return url.replace(/\/+$/, '');
}

function baseOf(deviceId: string): string {
  if (!deviceId.startsWith(idPrefix)) throw new ScannerError('notFound', `not an eSCL device id: ${deviceId}`);
  return normalizeBase(deviceId.slice(idPrefix.length));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
