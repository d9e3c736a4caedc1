import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface ManifestAttachment {
  sha256: string;
  bytes: number;
  documentKind?: string;
  mediaType?: string;
}

export interface CommitAnswer {
  id: string;
  dossierCode: string;
  status: number;
  statusName: string;
  receivedAt: string;
  attachments: { sha256: string; bytes: number }[];
}

export interface UploadRow {
  id: string;
  dossier_id: string;
  sha256: string;
  length: number;
  offset: number;
  bytes_received: number;
}

export const statusNames: Record<number, string> = {
  1: 'new',
  2: 'received',
  3: 'not_received',
  4: 'processing',
  5: 'supplement_requested',
  6: 'financial_obligation_requested',
  7: 'withdrawal_requested',
  8: 'processing_stopped',
  9: 'processed',
  10: 'result_returned',
};

/**
 * The simulator's persistent state: one SQLite file (`--db`) plus a folder beside it for upload
 * bytes, so a restarted simulator still knows every id, hash, code and half-finished upload.
 */
export class SimStore {
  readonly db: Database.Database;
  readonly filesDir: string;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.filesDir = `${file}.uploads`;
    fs.mkdirSync(this.filesDir, { recursive: true });
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS dossiers (
        id             TEXT PRIMARY KEY,
        content_sha256 TEXT NOT NULL,
        manifest_json  TEXT NOT NULL,
        procedure_code TEXT NOT NULL,
        agency_code    TEXT NOT NULL,
        dossier_code   TEXT UNIQUE,
        status         INTEGER,
        received_at    TEXT,
        answer_json    TEXT,
        attachments_json TEXT
      );
      CREATE TABLE IF NOT EXISTS uploads (
        id             TEXT PRIMARY KEY,
        dossier_id     TEXT NOT NULL,
        sha256         TEXT NOT NULL,
        length         INTEGER NOT NULL,
        offset         INTEGER NOT NULL DEFAULT 0,
        bytes_received INTEGER NOT NULL DEFAULT 0,
        UNIQUE (dossier_id, sha256)
      );
      CREATE TABLE IF NOT EXISTS day_counters (agency_code TEXT NOT NULL, day TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (agency_code, day));
      CREATE TABLE IF NOT EXISTS ratings (
        id             TEXT PRIMARY KEY,
        score          INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment        TEXT,
        procedure_code TEXT,
        day            TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        received_at    TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS status_events (
        cursor     INTEGER PRIMARY KEY AUTOINCREMENT,
        dossier_id TEXT NOT NULL,
        status     INTEGER NOT NULL,
        at         TEXT NOT NULL,
        note       TEXT
      );
    `);
  }

  uploadPath(uploadId: string): string {
    return path.join(this.filesDir, uploadId);
  }

  close(): void {
    this.db.close();
  }
}
