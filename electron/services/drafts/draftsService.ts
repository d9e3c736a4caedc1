import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { missingDocuments, normalizeAnswers, validateAnswers } from '../../contract/answers/index';
import type { Draft, DraftAttachment, ValidationReport } from '../../contract/drafts';
import { ContractError } from '../../contract/errors';
import type { Answers, ProcedureDefinition } from '../../contract/procedure';
import type { CatalogueService } from '../catalogue/catalogueService';
import type { DataCipher } from '../crypto/dataCipher';
import type { FileStore } from '../files/fileStore';
import { appointmentDate, vietnamDate, type DaysOffCalendar } from '../calendar/workingDays';
import { migrateAnswers } from './migrateAnswers';
import { newRetrievalCode, normalizeRetrievalCode } from './retrievalCode';

interface DraftRow {
  id: string;
  procedure_code: string;
  definition_version: string;
  mode: 'counter' | 'kiosk';
  answers_json: string;
  retired_json: string | null;
  retrieval_hash: string | null;
  retrieval_code_enc: string | null;
  status: 'open' | 'submitted';
  created_at: string;
  updated_at: string;
}

interface AttachmentRow {
  sha256: string;
  document_kind: string;
  file_name: string;
  media_type: string;
  bytes: number;
}

export function draftNotFound(): ContractError {
  return new ContractError({
    code: 'NOT_FOUND',
    message_vi: 'Không tìm thấy hồ sơ đang làm dở này.',
    message_en: 'This draft was not found.',
  });
}

/**
 * Drafts: every save is one SQLite transaction (synchronous=FULL), durable before the call
 * answers, so whatever the screen shows as saved survives a crash or a power cut.
 */
export class DraftsService {
  private readonly byId;
  private readonly insert;
  private readonly update;
  private readonly attachmentsOf;
  private readonly clearIdIndex;
  private readonly addIdIndex;

  constructor(
    private readonly db: Database,
    private readonly catalogue: CatalogueService,
    private readonly files: FileStore,
    private readonly cipher: DataCipher,
    private readonly calendar: DaysOffCalendar,
    private readonly now: () => Date,
  ) {
    this.byId = db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE id = ?');
    this.insert = db.prepare(
      `INSERT INTO drafts (id, procedure_code, definition_version, mode, answers_json, retrieval_hash, retrieval_code_enc, created_at, updated_at)
       VALUES (@id, @procedure_code, @definition_version, @mode, @answers_json, @retrieval_hash, @retrieval_code_enc, @created_at, @updated_at)`,
    );
    this.update = db.prepare('UPDATE drafts SET answers_json = ?, definition_version = ?, updated_at = ? WHERE id = ?');
    this.clearIdIndex = db.prepare('DELETE FROM id_number_index WHERE draft_id = ?');
    this.addIdIndex = db.prepare('INSERT OR IGNORE INTO id_number_index (draft_id, id_hash) VALUES (?, ?)');
    this.attachmentsOf = db.prepare<[string], AttachmentRow>(
      'SELECT sha256, document_kind, file_name, media_type, bytes FROM draft_attachments WHERE draft_id = ? ORDER BY attached_at, sha256',
    );
  }

  save(input: { id?: string; procedureCode: string; mode: 'counter' | 'kiosk'; answers: Answers }): { id: string; procedureCode: string; updatedAt: string; retrievalCode: string | null } {
    // The answers and their CCCD look-up rows change together or not at all.
    return this.db.transaction(() => this.saveInTransaction(input))();
  }

  private saveInTransaction(input: { id?: string; procedureCode: string; mode: 'counter' | 'kiosk'; answers: Answers }) {
    const definition = this.catalogue.get(input.procedureCode);
    const answers = normalizeAnswers(definition, input.answers);
    const at = this.now().toISOString();
    if (input.id === undefined) {
      const id = randomUUID();
      const retrievalCode = input.mode === 'kiosk' ? this.uniqueRetrievalCode() : null;
      this.insert.run({
        id,
        procedure_code: definition.code,
        definition_version: definition.version,
        mode: input.mode,
        answers_json: this.seal(answers),
        retrieval_hash: retrievalCode === null ? null : this.cipher.indexHash(retrievalCode),
        retrieval_code_enc: retrievalCode === null ? null : this.cipher.encryptText(retrievalCode),
        created_at: at,
        updated_at: at,
      });
      this.indexIdNumbers(id, definition, answers);
      return { id, procedureCode: definition.code, updatedAt: at, retrievalCode };
    }
    const row = this.openRow(input.id);
    if (row.procedure_code !== definition.code) {
      throw new ContractError({
        code: 'VALIDATION_FAILED',
        message_vi: `Hồ sơ này thuộc thủ tục ${row.procedure_code}, không phải ${definition.code}.`,
        message_en: `This draft belongs to procedure ${row.procedure_code}, not ${definition.code}.`,
        details: { errors: [{ path: 'procedureCode', message_vi: `Phải là ${row.procedure_code}.`, message_en: `Must be ${row.procedure_code}.` }] },
      });
    }
    this.update.run(this.seal(answers), definition.version, at, row.id);
    this.indexIdNumbers(row.id, definition, answers);
    return { id: row.id, procedureCode: row.procedure_code, updatedAt: at, retrievalCode: this.retrievalCodeOf(row) };
  }

  get(id: string): Draft {
    const row = this.byId.get(id);
    if (!row) throw draftNotFound();
    return this.toDraft(row);
  }

  /** Open drafts, newest first; with an ID number, only the drafts where it was given (matched by keyed hash). */
  list(filter: { idNumber?: string } = {}): { drafts: (Omit<Draft, 'answers' | 'attachments'> & { procedureName: string; applicantName: string | null })[] } {
    const rows =
      filter.idNumber === undefined
        ? this.db.prepare<[], DraftRow>("SELECT * FROM drafts WHERE status = 'open' ORDER BY updated_at DESC LIMIT 200").all()
        : this.db
            .prepare<[string], DraftRow>(
              "SELECT d.* FROM drafts d JOIN id_number_index i ON i.draft_id = d.id WHERE i.id_hash = ? AND d.status = 'open' ORDER BY d.updated_at DESC LIMIT 200",
            )
            .all(this.cipher.indexHash(filter.idNumber));
    return {
      drafts: rows.map((row) => {
        const { answers: _answers, attachments: _attachments, ...summary } = this.toDraft(row);
        const definition = this.catalogue.find(row.procedure_code);
        return {
          ...summary,
          procedureName: definition?.name ?? row.procedure_code,
          applicantName: definition ? applicantName(definition, this.open(row.answers_json)) : null,
        };
      }),
    };
  }

  validate(id: string): ValidationReport {
    const draft = this.get(id);
    const definition = this.catalogue.get(draft.procedureCode);
    const now = this.now();
    const today = vietnamDate(now);
    const errors = validateAnswers(definition, draft.answers, { units: this.catalogue.units, today });
    const missing = missingDocuments(definition, draft.answers, attachedKinds(draft), today);
    const expected = appointmentDate({ receivedAt: now, workingDays: definition.processing.workingDays, sameDayCutoff: definition.processing.sameDayCutoff }, this.calendar);
    return {
      valid: errors.length === 0 && missing.length === 0,
      errors,
      missingDocuments: missing.map((d) => ({ kind: d.kind, name: d.name })),
      expectedResultDate: expected.date,
    };
  }

  /** Answers a newer definition dropped (kept for an official to look at, never silently lost). */
  retiredAnswers(id: string): Answers {
    this.get(id); // carries the draft forward first
    const row = this.byId.get(id)!;
    return row.retired_json === null ? {} : this.open(row.retired_json);
  }

  private indexIdNumbers(draftId: string, definition: ProcedureDefinition, answers: Answers): void {
    this.clearIdIndex.run(draftId);
    for (const idNumber of idNumbersIn(definition, answers)) this.addIdIndex.run(draftId, this.cipher.indexHash(idNumber));
  }

  /** Kiosk: the code alone is not enough; the date of birth typed in the draft must match too. */
  resume(retrievalCode: string, dateOfBirth: string): Draft {
    const row = this.db.prepare<[string], DraftRow>("SELECT * FROM drafts WHERE retrieval_hash = ? AND status = 'open'").get(this.cipher.indexHash(normalizeRetrievalCode(retrievalCode)));
    if (!row) throw draftNotFound();
    const definition = this.catalogue.find(row.procedure_code);
    const answers = this.open(row.answers_json);
    const birthQuestion = definition?.steps.flatMap((s) => s.questions).find((q) => q.cccdField === 'dateOfBirth');
    if (!birthQuestion || answers[birthQuestion.id] !== dateOfBirth) throw draftNotFound();
    return this.toDraft(row);
  }

  attach(input: { draftId: string; documentKind: string; fileName: string; mediaType: string; content: Uint8Array }): DraftAttachment {
    const row = this.openRow(input.draftId);
    const definition = this.catalogue.get(row.procedure_code);
    if (!definition.documents.some((d) => d.kind === input.documentKind)) {
      throw new ContractError({
        code: 'VALIDATION_FAILED',
        message_vi: `Thủ tục này không có loại giấy tờ "${input.documentKind}".`,
        message_en: `This procedure has no document kind "${input.documentKind}".`,
        details: { errors: [{ path: 'documentKind', message_vi: 'Loại giấy tờ không có trong thủ tục.', message_en: 'Unknown document kind for this procedure.' }] },
      });
    }
    const { sha256, bytes } = this.files.put(input.content);
    this.db
      .prepare(
        `INSERT INTO draft_attachments (draft_id, sha256, document_kind, file_name, media_type, bytes, attached_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (draft_id, sha256) DO UPDATE SET document_kind = excluded.document_kind, file_name = excluded.file_name`,
      )
      .run(row.id, sha256, input.documentKind, this.cipher.encryptText(input.fileName.normalize('NFC')), input.mediaType, bytes, this.now().toISOString());
    return { documentKind: input.documentKind, fileName: input.fileName.normalize('NFC'), mediaType: input.mediaType, sha256, bytes };
  }

  detach(draftId: string, sha256: string): { removed: boolean } {
    this.openRow(draftId);
    const result = this.db.prepare('DELETE FROM draft_attachments WHERE draft_id = ? AND sha256 = ?').run(draftId, sha256);
    return { removed: result.changes > 0 };
  }

  private openRow(id: string): DraftRow {
    const row = this.byId.get(id);
    if (!row) throw draftNotFound();
    if (row.status !== 'open') {
      throw new ContractError({
        code: 'DRAFT_SUBMITTED',
        message_vi: 'Hồ sơ này đã được gửi, không sửa được nữa.',
        message_en: 'This draft was already submitted and can no longer be changed.',
      });
    }
    return row;
  }

  private toDraft(row: DraftRow): Draft {
    let answers = this.open(row.answers_json);
    let definitionVersion = row.definition_version;
    const current = this.catalogue.find(row.procedure_code);
    // A draft started on an older definition is carried forward, never stranded.
    if (current && current.version !== row.definition_version && row.status === 'open') {
      const migrated = migrateAnswers(current, answers);
      const retired = { ...(row.retired_json === null ? {} : this.open(row.retired_json)), ...migrated.retired };
      answers = migrated.answers;
      definitionVersion = current.version;
      this.db
        .prepare('UPDATE drafts SET answers_json = ?, retired_json = ?, definition_version = ? WHERE id = ?')
        .run(this.seal(answers), Object.keys(retired).length > 0 ? this.seal(retired) : null, definitionVersion, row.id);
    }
    return {
      id: row.id,
      procedureCode: row.procedure_code,
      definitionVersion,
      mode: row.mode,
      answers,
      retrievalCode: this.retrievalCodeOf(row),
      attachments: this.attachmentsOf.all(row.id).map((a) => ({ documentKind: a.document_kind, fileName: this.cipher.decryptText(a.file_name), mediaType: a.media_type, sha256: a.sha256, bytes: a.bytes })),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  private seal(answers: Answers): string {
    return this.cipher.encryptText(JSON.stringify(answers));
  }

  private open(stored: string): Answers {
    return JSON.parse(this.cipher.decryptText(stored)) as Answers;
  }

  private retrievalCodeOf(row: DraftRow): string | null {
    return row.retrieval_code_enc === null ? null : this.cipher.decryptText(row.retrieval_code_enc);
  }

  private uniqueRetrievalCode(): string {
    const exists = this.db.prepare<[string], { one: number }>('SELECT 1 AS one FROM drafts WHERE retrieval_hash = ?');
    for (;;) {
      const code = newRetrievalCode();
      if (!exists.get(this.cipher.indexHash(code))) return code;
    }
  }
}

/** The applicant's name for lists: the first question the CCCD QR would fill with a full name. */
export function applicantName(definition: ProcedureDefinition, answers: Answers): string | null {
  const question = definition.steps.flatMap((s) => s.questions).find((q) => q.cccdField === 'fullName');
  const value = question ? answers[question.id] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Every CCCD number in the answers: CCCD questions and the ones the card's ID number fills, in groups too. */
export function idNumbersIn(definition: ProcedureDefinition, answers: Answers): string[] {
  const isIdQuestion = (q: { type: string; cccdField?: string }) => q.type === 'cccd' || q.cccdField === 'idNumber';
  const found = new Set<string>();
  const take = (value: unknown) => {
    if (typeof value === 'string' && /^\d{12}$/.test(value)) found.add(value);
  };
  for (const question of definition.steps.flatMap((s) => s.questions)) {
    const value = answers[question.id];
    if (question.type === 'group') {
      const items = Array.isArray(value) ? value : [];
      for (const inner of question.questions.filter(isIdQuestion)) for (const item of items) take((item as Record<string, unknown> | null)?.[inner.id]);
    } else if (isIdQuestion(question)) {
      take(value);
    }
  }
  return [...found];
}

/** The attachments a draft holds, as the kinds the validator needs. */
export function attachedKinds(draft: Draft): string[] {
  return draft.attachments.map((a) => a.documentKind);
}
