import { createHmac, randomBytes } from 'node:crypto';
import { notTheReceiver, offline, permanent, temporary, SyncError } from './failures';

export const PROTOCOL_VERSION = '1';
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

export interface GatewayAnswer<T> {
  status: number;
  body: T;
}

interface ErrorBody {
  error?: { code?: string; message_vi?: string; message_en?: string; permanent?: boolean; details?: Record<string, unknown> };
}

/** JSON calls to the receiver (docs/sync-protocol.md), each failure classified as offline, temporary or permanent. */
export class GatewayClient {
  constructor(
    readonly baseUrl: string,
    private readonly gatewayKey: string,
    private readonly timeoutMs = 30_000,
  ) {}

  url(path: string): string {
    return `${this.baseUrl.replace(/\/+$/, '')}${path}`;
  }

  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<GatewayAnswer<T>> {
    let response: Response;
    try {
      response = await fetch(this.url(path), {
        method,
        headers: { 'Motcua-Protocol': PROTOCOL_VERSION, ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw classifyNetworkError(error);
    }
    if (response.headers.get('motcua-protocol') === null) {
      await response.body?.cancel();
      throw notTheReceiver(response.status);
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch (error) {
      throw temporary('ANSWER_CUT', `Câu trả lời của hệ thống tiếp nhận bị cắt ngang (${(error as Error).message}).`, `The receiver's answer was cut off (${(error as Error).message}).`);
    }
    if (response.status < 400) return { status: response.status, body: parsed as T };
    const e = (parsed as ErrorBody).error ?? {};
    const code = e.code ?? `HTTP_${response.status}`;
    const vi = e.message_vi ?? `mã ${response.status}`;
    const en = e.message_en ?? `HTTP ${response.status}`;
    if (response.status === 409 && code === 'ATTACHMENTS_INCOMPLETE') {
      throw temporary(code, `Hệ thống tiếp nhận chưa nhận đủ tệp đính kèm; sẽ gửi tiếp phần còn thiếu.`, 'The receiver is missing attachments; the rest will be sent.');
    }
    if (response.status === 408 || response.status === 425 || response.status === 429 || response.status >= 500) {
      throw temporary(code, `Hệ thống tiếp nhận tạm thời không xử lý được (${vi}).`, `The receiver could not handle it for now (${en}).`);
    }
    throw permanent(code, vi, en);
  }

  /**
   * The health probe: a fresh nonce the answer must echo, signed with the gateway key. A captive
   * portal or proxy page cannot produce that, so it never counts as the link being up.
   */
  async probe(): Promise<boolean> {
    const nonce = randomBytes(16).toString('hex');
    try {
      const answer = await this.request<{ nonce?: string; proof?: string; protocol?: number }>('GET', `/v1/health?nonce=${nonce}`);
      const expected = createHmac('sha256', this.gatewayKey).update(`motcua-health:${nonce}`).digest('hex');
      return answer.status === 200 && answer.body.nonce === nonce && answer.body.proof === expected;
    } catch (error) {
      if (error instanceof SyncError) return false;
      throw error;
    }
  }
}

export function classifyNetworkError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };
  const code = e.cause?.code ?? e.code ?? '';
  if (e.name === 'TimeoutError' || UNREACHABLE.has(code)) return offline(code || e.name || 'timeout');
  const detail = code || e.cause?.message || e.message || 'network error';
  return temporary('CONNECTION_LOST', `Kết nối bị ngắt khi đang gửi (${detail}).`, `The connection dropped while sending (${detail}).`);
}
