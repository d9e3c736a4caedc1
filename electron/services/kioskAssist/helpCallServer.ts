import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { HelpCall } from '../../contract/kioskAssist';

/** What a kiosk sends; nothing about the resident, only which kiosk needs an official. */
export const helpCallRequestSchema = z.object({ kioskName: z.string().trim().min(1).max(60) }).strict();

/** Calls older than this are dropped from the list (a forgotten call must not ring forever). */
const keepMs = 4 * 60 * 60 * 1000;
const maxBodyBytes = 2048;
const maxOpenCalls = 50;

/**
 * The counter PC's help-call listener: a tiny HTTP server on the local network. A kiosk POSTs
 * `/v1/help-calls` with its name; the counter screen lists open calls (polling the contract) and
 * acknowledges them. Calls live in memory only: they matter for minutes, and hold no personal data.
 * A kiosk that calls again while its call is open gets the same call back (no flood of rings).
 */
export class HelpCallServer {
  private readonly calls: HelpCall[] = [];
  private server: http.Server | null = null;

  constructor(private readonly now: () => Date) {}

  get listening(): boolean {
    return this.server?.listening ?? false;
  }

  async listen(port: number, host: string): Promise<number> {
    await this.close();
    const server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  list(): HelpCall[] {
    const cutoff = this.now().getTime() - keepMs;
    for (let i = this.calls.length - 1; i >= 0; i--) if (Date.parse(this.calls[i]!.raisedAt) < cutoff) this.calls.splice(i, 1);
    return [...this.calls].reverse();
  }

  acknowledge(id: string): HelpCall | null {
    const call = this.calls.find((c) => c.id === id);
    if (!call) return null;
    call.acknowledgedAt ??= this.now().toISOString();
    return { ...call };
  }

  /** Records a call (also used for a kiosk on the counter PC itself, without HTTP). */
  raise(kioskName: string): HelpCall {
    const open = this.calls.find((c) => c.kioskName === kioskName && c.acknowledgedAt === null);
    if (open) return { ...open };
    const call: HelpCall = { id: randomUUID(), kioskName, raisedAt: this.now().toISOString(), acknowledgedAt: null };
    this.calls.push(call);
    if (this.calls.length > maxOpenCalls) this.calls.shift();
    return { ...call };
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url !== '/v1/help-calls') return reply(404, { error: 'not found' });
    if (req.method !== 'POST') return reply(405, { error: 'method not allowed' });
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reply(413, { error: 'too large' });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      let parsed: ReturnType<typeof helpCallRequestSchema.safeParse>;
      try {
        parsed = helpCallRequestSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        return reply(400, { error: 'body must be JSON' });
      }
      if (!parsed.success) return reply(400, { error: 'kioskName (1–60 characters) expected' });
      const call = this.raise(parsed.data.kioskName);
      reply(201, { id: call.id, raisedAt: call.raisedAt });
    });
  }
}
