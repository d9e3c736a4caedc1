import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Scanner } from '../../../native/scanner/index';
import { ScannerError } from '../../../native/scanner/index';
import { ContractError } from '../../contract/errors';
import type { DraftAttachment } from '../../contract/drafts';
import type { ScanPage, ScanSession } from '../../contract/scanning';
import type { CatalogueService } from '../catalogue/catalogueService';
import type { DraftsService } from '../drafts/draftsService';
import type { PageMode, ProcessedPage } from './pageProcessor';
import { inProcessPipeline, type ImagePipeline } from './pipelineJobs';
import { scannerContractError } from './scanErrors';

type Rotation = 0 | 90 | 180 | 270;

interface PageEntry {
  id: string;
  /** The device's image, kept (in memory only) so a rotation is redone from the source, not from a JPEG. */
  original: Buffer;
  dpi: number;
  mode: PageMode;
  rotation: Rotation;
  processed: ProcessedPage;
  thumbnail: string;
}

interface Session {
  id: string;
  draftId: string;
  documentKind: string;
  documentName: string;
  pages: PageEntry[];
  abort: AbortController | null;
}

export interface ScanEvents {
  page(payload: { sessionId: string; page: ScanPage }): void;
  progress(payload: { sessionId: string; page: number; fraction: number }): void;
}

function notFound(): ContractError {
  return new ContractError({ code: 'NOT_FOUND', message_vi: 'Không tìm thấy phiên quét này (có thể đã lưu hoặc huỷ).', message_en: 'This scan session was not found (it may have been saved or discarded).' });
}

/**
 * Scan-and-review sessions: one per paper being scanned for a draft. Pages live in memory until
 * saved (then only the encrypted, content-addressed PDF remains) or discarded; a device error
 * ends the batch but never the session, so a jam costs no page already scanned.
 */
export class ScanSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly scanner: Scanner,
    private readonly drafts: DraftsService,
    private readonly catalogue: CatalogueService,
    private readonly events: ScanEvents,
    private readonly pipeline: ImagePipeline = inProcessPipeline,
  ) {}

  scanners() {
    return this.scanner.list().then((scanners) => ({ scanners }));
  }

  open(draftId: string, documentKind: string): ScanSession {
    const draft = this.drafts.get(draftId);
    const document = this.catalogue.get(draft.procedureCode).documents.find((d) => d.kind === documentKind);
    if (!document) {
      throw new ContractError({
        code: 'VALIDATION_FAILED',
        message_vi: `Thủ tục này không có loại giấy tờ "${documentKind}".`,
        message_en: `This procedure has no document kind "${documentKind}".`,
        details: { errors: [{ path: 'documentKind', message_vi: 'Loại giấy tờ không có trong thủ tục.', message_en: 'Unknown document kind for this procedure.' }] },
      });
    }
    const session: Session = { id: randomUUID(), draftId, documentKind, documentName: document.name, pages: [], abort: null };
    this.sessions.set(session.id, session);
    return this.view(session);
  }

  get(sessionId: string): ScanSession {
    return this.view(this.session(sessionId));
  }

  async scan(input: { sessionId: string; deviceId: string; source: 'flatbed' | 'feeder' | 'duplex'; mode: PageMode; resolution: number; maxPages?: number; replacePageId?: string }): Promise<ScanSession> {
    const session = this.session(input.sessionId);
    if (session.abort) throw scannerContractError(new ScannerError('busy', 'a batch is already running in this session'));
    const replacing = input.replacePageId === undefined ? -1 : session.pages.findIndex((p) => p.id === input.replacePageId);
    if (input.replacePageId !== undefined && replacing < 0) throw notFound();
    session.abort = new AbortController();
    try {
      await this.scanner.scan(
        input.deviceId,
        {
          // Rescanning one page takes one sheet, whatever the source.
          source: input.source,
          maxPages: replacing >= 0 ? 1 : input.maxPages,
          resolution: input.resolution,
          mode: input.mode,
          signal: session.abort.signal,
          onProgress: (p) => this.events.progress({ sessionId: session.id, page: p.page, fraction: p.fraction }),
        },
        async (scanned) => {
          const entry = await this.entry(randomUUID(), scanned.image, scanned.resolution, input.mode, 0);
          if (replacing >= 0) session.pages[replacing] = entry;
          else session.pages.push(entry);
          this.events.page({ sessionId: session.id, page: pageView(entry) });
        },
      );
    } catch (error) {
      if (error instanceof ScannerError) throw scannerContractError(error);
      throw error;
    } finally {
      session.abort = null;
    }
    return this.view(session);
  }

  cancel(sessionId: string): { cancelled: boolean } {
    const session = this.session(sessionId);
    if (!session.abort) return { cancelled: false };
    session.abort.abort();
    return { cancelled: true };
  }

  async arrange(sessionId: string, order: { id: string; rotation: Rotation }[]): Promise<ScanSession> {
    const session = this.session(sessionId);
    const byId = new Map(session.pages.map((p) => [p.id, p]));
    if (order.some((o) => !byId.has(o.id)) || new Set(order.map((o) => o.id)).size !== order.length) {
      throw new ContractError({
        code: 'VALIDATION_FAILED',
        message_vi: 'Danh sách trang không khớp với các trang đã quét.',
        message_en: 'The page list does not match the scanned pages.',
        details: { errors: [{ path: 'pages', message_vi: 'Mỗi trang đã quét chỉ được có mặt một lần.', message_en: 'Each scanned page may appear once.' }] },
      });
    }
    const next: PageEntry[] = [];
    for (const { id, rotation } of order) {
      const page = byId.get(id)!;
      next.push(page.rotation === rotation ? page : await this.entry(page.id, page.original, page.dpi, page.mode, rotation));
    }
    session.pages = next;
    return this.view(session);
  }

  async save(sessionId: string): Promise<DraftAttachment> {
    const session = this.session(sessionId);
    if (session.pages.length === 0) {
      throw new ContractError({
        code: 'VALIDATION_FAILED',
        message_vi: 'Chưa có trang nào: hãy quét ít nhất một trang.',
        message_en: 'No pages yet: scan at least one page.',
        details: { errors: [{ path: 'pages', message_vi: 'Cần ít nhất một trang.', message_en: 'At least one page is needed.' }] },
      });
    }
    const pdf = await this.pipeline.pdf(session.pages.map((p) => p.processed));
    const attached = this.drafts.attach({ draftId: session.draftId, documentKind: session.documentKind, fileName: `${session.documentKind}.pdf`, mediaType: 'application/pdf', content: pdf });
    this.sessions.delete(session.id);
    return attached;
  }

  discard(sessionId: string): { discarded: boolean } {
    const session = this.sessions.get(sessionId);
    session?.abort?.abort();
    return { discarded: this.sessions.delete(sessionId) };
  }

  private async entry(id: string, original: Buffer, dpi: number, mode: PageMode, rotation: Rotation): Promise<PageEntry> {
    const processed = await this.pipeline.page(original, { mode, dpi, rotate: rotation });
    const thumb = await sharp(processed.jpeg).resize({ width: 200 }).jpeg({ quality: 70 }).toBuffer();
    return { id, original, dpi, mode, rotation, processed, thumbnail: `data:image/jpeg;base64,${thumb.toString('base64')}` };
  }

  private session(id: string): Session {
    const session = this.sessions.get(id);
    if (!session) throw notFound();
    return session;
  }

  private view(session: Session): ScanSession {
    return {
      sessionId: session.id,
      draftId: session.draftId,
      documentKind: session.documentKind,
      documentName: session.documentName,
      pages: session.pages.map(pageView),
      scanning: session.abort !== null,
    };
  }
}

function pageView(entry: PageEntry): ScanPage {
  return { id: entry.id, thumbnail: entry.thumbnail, rotation: entry.rotation, blank: entry.processed.blank, bytes: entry.processed.jpeg.byteLength };
}
