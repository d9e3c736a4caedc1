import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimStore, UploadRow } from './store';

/**
 * tus 1.0.0 core + creation, written here rather than taken from @tus/server so that a fault can cut a
 * PATCH at a chosen byte and every body byte that arrives is counted (re-sent bytes are measured here).
 * Creation is idempotent per (dossierId, sha256): docs/sync-protocol.md §3.2.
 */
export class TusEndpoint {
  constructor(private readonly store: SimStore) {}

  private row(id: string): UploadRow | undefined {
    return this.store.db.prepare('SELECT * FROM uploads WHERE id = ?').get(id) as UploadRow | undefined;
  }

  create(req: IncomingMessage, res: ServerResponse, baseUrl: string): void {
    const length = Number(req.headers['upload-length']);
    const meta = parseMetadata(String(req.headers['upload-metadata'] ?? ''));
    if (!Number.isSafeInteger(length) || length < 0 || !meta.dossierId || !/^[0-9a-f]{64}$/.test(meta.sha256 ?? '')) {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Upload-Length and Upload-Metadata dossierId, sha256 required');
      return;
    }
    const db = this.store.db;
    let row = db.prepare('SELECT * FROM uploads WHERE dossier_id = ? AND sha256 = ?').get(meta.dossierId, meta.sha256) as UploadRow | undefined;
    if (!row) {
      const id = randomBytes(12).toString('hex');
      fs.writeFileSync(this.store.uploadPath(id), new Uint8Array(0));
      db.prepare('INSERT INTO uploads (id, dossier_id, sha256, length) VALUES (?, ?, ?, ?)').run(id, meta.dossierId, meta.sha256, length);
      row = this.row(id)!;
    }
    res.writeHead(201, { Location: `${baseUrl}/v1/uploads/${row.id}`, 'Upload-Offset': String(row.offset) }).end();
  }

  head(id: string, res: ServerResponse): void {
    const row = this.row(id);
    if (!row) return void res.writeHead(404).end();
    res.writeHead(200, { 'Upload-Offset': String(row.offset), 'Upload-Length': String(row.length), 'Cache-Control': 'no-store' }).end();
  }

  /** Writes the body at the stored offset as it arrives; a cut keeps what was written. */
  patch(id: string, req: IncomingMessage, res: ServerResponse, cutAfter: number | null): void {
    const row = this.row(id);
    if (!row) return void res.writeHead(404).end();
    if (req.headers['content-type'] !== 'application/offset+octet-stream') return void res.writeHead(415).end();
    const offset = Number(req.headers['upload-offset']);
    if (offset !== row.offset) return void res.writeHead(409, { 'Upload-Offset': String(row.offset) }).end();
    const fd = fs.openSync(this.store.uploadPath(id), 'r+');
    let position = row.offset;
    let received = 0;
    let finished = false;
    const save = () => {
      if (finished) return;
      finished = true;
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      this.store.db.prepare('UPDATE uploads SET offset = ?, bytes_received = bytes_received + ? WHERE id = ?').run(position, received, id);
    };
    req.on('data', (chunk: Buffer) => {
      if (finished) return;
      let data = chunk;
      if (cutAfter !== null && received + data.length > cutAfter) data = data.subarray(0, Math.max(0, cutAfter - received));
      received += chunk.length;
      const room = row.length - position;
      if (data.length > room) data = data.subarray(0, room);
      fs.writeSync(fd, data, 0, data.length, position);
      position += data.length;
      if (cutAfter !== null && received >= cutAfter) {
        // The link drops part-way through the chunk: what arrived is kept, the rest never does.
        save();
        req.socket.destroy();
      }
    });
    req.on('end', () => {
      if (finished) return;
      save();
      res.writeHead(204, { 'Upload-Offset': String(position) }).end();
    });
    req.on('close', save);
  }
}

function parseMetadata(header: string): Record<string, string | undefined> {
  const out: Record<string, string> = {};
  for (const pair of header.split(',')) {
    const [key, value] = pair.trim().split(' ');
    if (key) out[key] = value ? Buffer.from(value, 'base64').toString('utf8') : '';
  }
  return out;
}
