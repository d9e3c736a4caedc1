import { Upload } from 'tus-js-client';
import { PROTOCOL_VERSION, classifyNetworkError } from './gatewayClient';
import { permanent, temporary, type SyncError } from './failures';

/** Chunk size of every PATCH: a cut link re-sends at most this much (docs/sync-protocol.md §3.2). */
export const CHUNK_BYTES = 4 * 1024 * 1024;

export interface ResumableUpload {
  endpoint: string;
  content: Buffer;
  metadata: { dossierId: string; sha256: string };
  /** The URL saved by an earlier, interrupted attempt. */
  uploadUrl: string | null;
  /** Called as soon as the receiver names the upload, so it survives a crash. */
  saveUrl(url: string): void;
  onFirstByte?: () => void;
}

/**
 * Sends one attachment with tus-js-client: resumes at the receiver's offset (HEAD) when a URL is known,
 * no retries of its own (the outbox's backoff decides when to try again).
 */
export function uploadResumably(job: ResumableUpload): Promise<void> {
  return new Promise((resolve, reject) => {
    let announced = false;
    const upload = new Upload(job.content, {
      endpoint: job.endpoint,
      uploadUrl: job.uploadUrl,
      metadata: job.metadata,
      chunkSize: CHUNK_BYTES,
      retryDelays: null,
      storeFingerprintForResuming: false,
      headers: { 'Motcua-Protocol': PROTOCOL_VERSION },
      onUploadUrlAvailable: () => {
        if (upload.url) job.saveUrl(upload.url);
      },
      onProgress: (sent) => {
        if (!announced && sent > 0) {
          announced = true;
          job.onFirstByte?.();
        }
      },
      onSuccess: () => resolve(),
      onError: (error) => reject(classifyTusError(error)),
    });
    upload.start();
  });
}

function classifyTusError(error: Error): SyncError {
  const detailed = error as Error & { originalResponse?: { getStatus(): number } | null; originalRequest?: unknown; causingError?: unknown };
  const status = detailed.originalResponse?.getStatus();
  if (status === undefined || status === 0) return classifyNetworkError(detailed.causingError ?? error);
  if (status === 409 || status === 423 || status === 408 || status === 429 || status >= 500) {
    return temporary(`UPLOAD_HTTP_${status}`, `Tải tệp lên bị gián đoạn (mã ${status}); sẽ tiếp tục từ chỗ dừng.`, `The upload was interrupted (HTTP ${status}); it resumes where it stopped.`);
  }
  return permanent(`UPLOAD_HTTP_${status}`, `tệp đính kèm bị từ chối (mã ${status}).`, `an attachment was refused (HTTP ${status}).`);
}
