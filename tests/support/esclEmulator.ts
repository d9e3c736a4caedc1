import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { esclNamespaces, parseScanSettings, type EsclScanSettings } from '../../native/scanner/esclXml';

/**
 * An eSCL scanner on loopback, written from the Mopria eSCL specification's resources:
 * GET /eSCL/ScannerCapabilities, GET /eSCL/ScannerStatus (State, AdfState, Jobs), POST
 * /eSCL/ScanJobs (201 + Location), GET {job}/NextDocument (200 page, 503 not ready, 404 done),
 * DELETE {job} (cancel). Faults are switched on per test.
 */
export interface EsclEmulatorOptions {
  /** Sheets in the feeder. */
  feederPages?: number;
  /** Answer 503 this many times before each page (the page "is still scanning"). */
  notReadyPerPage?: number;
  /** The feeder jams after delivering this many pages. */
  jamAfterPages?: number;
  /** Everything answers as a busy device (POST ScanJobs → 503). */
  busy?: boolean;
}

interface Job {
  id: string;
  settings: EsclScanSettings;
  delivered: number;
  notReadyLeft: number;
  state: 'Processing' | 'Completed' | 'Canceled' | 'Aborted';
}

export interface EsclEmulator {
  baseUrl: string;
  /** Every request as "METHOD path status", for assertions. */
  log: string[];
  options: EsclEmulatorOptions;
  close(): Promise<void>;
}

function capabilitiesXml(): string {
  const profile = `<scan:SettingProfiles><scan:SettingProfile>
      <scan:ColorModes><scan:ColorMode>BlackAndWhite1</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
      <scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><pwg:DocumentFormat>application/pdf</pwg:DocumentFormat><scan:DocumentFormatExt>image/jpeg</scan:DocumentFormatExt></scan:DocumentFormats>
      <scan:SupportedResolutions><scan:DiscreteResolutions>
        ${[75, 150, 300, 600].map((r) => `<scan:DiscreteResolution><scan:XResolution>${r}</scan:XResolution><scan:YResolution>${r}</scan:YResolution></scan:DiscreteResolution>`).join('')}
      </scan:DiscreteResolutions></scan:SupportedResolutions>
    </scan:SettingProfile></scan:SettingProfiles>`;
  const caps = (name: string) => `<scan:${name}><scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth><scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>3508</scan:MaxHeight><scan:MaxScanRegions>1</scan:MaxScanRegions>${profile}</scan:${name}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities xmlns:scan="${esclNamespaces.scan}" xmlns:pwg="${esclNamespaces.pwg}">
  <pwg:Version>2.63</pwg:Version>
  <pwg:MakeAndModel>Emulated eSCL Scanner</pwg:MakeAndModel>
  <pwg:SerialNumber>EMU-0001</pwg:SerialNumber>
  <scan:UUID>4509a320-00a0-008f-00b6-002507510eca</scan:UUID>
  <scan:Platen>${caps('PlatenInputCaps')}</scan:Platen>
  <scan:Adf>${caps('AdfSimplexInputCaps')}${caps('AdfDuplexInputCaps')}<scan:FeederCapacity>50</scan:FeederCapacity>
    <scan:AdfOptions><scan:AdfOption>DetectPaperLoaded</scan:AdfOption><scan:AdfOption>Duplex</scan:AdfOption></scan:AdfOptions></scan:Adf>
</scan:ScannerCapabilities>`;
}

/** A page image at the job's resolution: gray with the page number drawn large. */
async function pageImage(settings: EsclScanSettings, number: number): Promise<Buffer> {
  const width = Math.round((settings.width / 300) * settings.resolution);
  const height = Math.round((settings.height / 300) * settings.resolution);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#f4f4f0"/><text x="10%" y="30%" font-size="${height / 6}" font-family="Liberation Sans">${number}</text></svg>`;
  const image = sharp(Buffer.from(svg));
  return (settings.colorMode === 'RGB24' ? image : image.grayscale()).jpeg({ quality: 80 }).toBuffer();
}

export async function startEsclEmulator(options: EsclEmulatorOptions = {}): Promise<EsclEmulator> {
  const log: string[] = [];
  const jobs = new Map<string, Job>();
  let feeder = options.feederPages ?? 0;
  let jammed = false;
  const active = () => [...jobs.values()].some((j) => j.state === 'Processing');
  const adfState = () => (jammed ? 'ScannerAdfJam' : feeder > 0 ? 'ScannerAdfLoaded' : 'ScannerAdfEmpty');

  const statusXml = () => `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerStatus xmlns:scan="${esclNamespaces.scan}" xmlns:pwg="${esclNamespaces.pwg}">
  <pwg:Version>2.63</pwg:Version>
  <pwg:State>${options.busy || active() ? 'Processing' : 'Idle'}</pwg:State>
  <scan:AdfState>${adfState()}</scan:AdfState>
  <scan:Jobs>${[...jobs.values()]
    .map(
      (j) => `<scan:JobInfo><pwg:JobUri>/eSCL/ScanJobs/${j.id}</pwg:JobUri><pwg:JobUuid>${j.id}</pwg:JobUuid><scan:Age>1</scan:Age>
      <pwg:ImagesCompleted>${j.delivered}</pwg:ImagesCompleted><pwg:JobState>${j.state}</pwg:JobState>
      <pwg:JobStateReasons><pwg:JobStateReason>${j.state === 'Completed' ? 'JobCompletedSuccessfully' : j.state === 'Aborted' ? 'AbortedBySystem' : j.state === 'Canceled' ? 'JobCanceledByUser' : 'JobScanning'}</pwg:JobStateReason></pwg:JobStateReasons></scan:JobInfo>`,
    )
    .join('')}</scan:Jobs>
</scan:ScannerStatus>`;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req.method ?? 'GET', new URL(req.url ?? '/', 'http://x').pathname, Buffer.concat(chunks).toString('utf8')).then(
        ({ status, body, headers }) => {
          log.push(`${req.method} ${req.url} ${status}`);
          res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/xml' : 'image/jpeg', ...headers });
          res.end(body);
        },
        (error: Error) => {
          res.writeHead(500);
          res.end(error.message);
        },
      );
    });
  });

  async function handle(method: string, path: string, body: string): Promise<{ status: number; body: string | Buffer; headers?: Record<string, string> }> {
    if (method === 'GET' && path === '/eSCL/ScannerCapabilities') return { status: 200, body: capabilitiesXml() };
    if (method === 'GET' && path === '/eSCL/ScannerStatus') return { status: 200, body: statusXml() };
    if (method === 'POST' && path === '/eSCL/ScanJobs') {
      if (options.busy || active()) return { status: 503, body: '' };
      const settings = parseScanSettings(body);
      if (settings.inputSource === 'Feeder' && (feeder === 0 || jammed)) return { status: 409, body: '' };
      const id = randomUUID();
      jobs.set(id, { id, settings, delivered: 0, notReadyLeft: options.notReadyPerPage ?? 0, state: 'Processing' });
      return { status: 201, body: '', headers: { location: `${emulator.baseUrl}/ScanJobs/${id}` } };
    }
    const match = /^\/eSCL\/ScanJobs\/([\w-]+)(\/NextDocument)?$/.exec(path);
    const job = match ? jobs.get(match[1]!) : undefined;
    if (!job) return { status: 404, body: '' };
    if (method === 'DELETE' && !match![2]) {
      job.state = 'Canceled';
      return { status: 200, body: '' };
    }
    if (method !== 'GET' || !match![2] || job.state !== 'Processing') return { status: 404, body: '' };
    const feederJob = job.settings.inputSource === 'Feeder';
    if (feederJob && options.jamAfterPages !== undefined && job.delivered >= options.jamAfterPages) {
      jammed = true;
      job.state = 'Aborted';
      return { status: 404, body: '' };
    }
    if ((feederJob && feeder === 0) || (!feederJob && job.delivered === 1)) {
      job.state = 'Completed';
      return { status: 404, body: '' };
    }
    if (job.notReadyLeft > 0) {
      job.notReadyLeft -= 1;
      return { status: 503, body: '' };
    }
    job.notReadyLeft = options.notReadyPerPage ?? 0;
    job.delivered += 1;
    if (feederJob) feeder -= 1;
    return { status: 200, body: await pageImage(job.settings, job.delivered) };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const emulator: EsclEmulator = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/eSCL`,
    log,
    options,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return emulator;
}
