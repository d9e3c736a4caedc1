import { createHash, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { computeFees, missingDocuments, validateAnswers } from '../../contract/answers/index';
import type { Dossier, DossierState } from '../../contract/dossiers';
import { ContractError } from '../../contract/errors';
import type { Answers } from '../../contract/procedure';
import { validationFailed } from '../../contract/validation';
import { appointmentDate, vietnamDate, type DaysOffCalendar } from '../calendar/workingDays';
import type { CatalogueService } from '../catalogue/catalogueService';
import type { DataCipher } from '../crypto/dataCipher';
import { canonicalJson } from '../canonicalJson';
import { attachedKinds, type DraftsService } from '../drafts/draftsService';
import type { SettingsService } from '../settingsService';

interface DossierRow {
  id: string;
  draft_id: string;
  procedure_code: string;
  procedure_name: string;
  definition_version: string;
  dossier_code: string | null;
  local_reference: string;
  state: DossierState;
  agency_name: string;
  agency_code: string;
  answers_json: string;
  attachments_json: string;
  content_sha256: string;
  received_at: string;
  appointment_date: string;
  fee_vnd: number;
}

/**
 * Turns a complete draft into a queued dossier. Nothing is queued with an unknown procedure code,
 * without a handling agency, or with a missing answer or document (the national portal's data
 * quality problems: DOMAIN.md). Dossier, history and outbox row are one transaction.
 */
export class DossiersService {
  constructor(
    private readonly db: Database,
    private readonly catalogue: CatalogueService,
    private readonly drafts: DraftsService,
    private readonly settings: SettingsService,
    private readonly calendar: DaysOffCalendar,
    private readonly cipher: DataCipher,
    private readonly now: () => Date,
  ) {}

  submit(draftId: string): { dossierId: string; state: DossierState; localReference: string } {
    const draft = this.drafts.get(draftId);
    const existing = this.db.prepare<[string], { id: string; state: DossierState; local_reference: string }>('SELECT id, state, local_reference FROM dossiers WHERE draft_id = ?').get(draftId);
    // Submitting twice (a double tap, a retry after a crash) answers with the dossier already made.
    if (existing) return { dossierId: existing.id, state: existing.state, localReference: existing.local_reference };

    const definition = this.catalogue.find(draft.procedureCode);
    if (!definition) {
      throw new ContractError({
        code: 'PROCEDURE_UNKNOWN',
        message_vi: `Mã thủ tục ${draft.procedureCode} không có trong danh mục; hồ sơ không được gửi với mã sai.`,
        message_en: `Procedure code ${draft.procedureCode} is not in the catalogue; no dossier is sent with a wrong code.`,
        details: { procedureCode: draft.procedureCode },
      });
    }
    const settings = this.settings.get();
    if (settings.agencyCode === '' || settings.unitName.trim() === '') {
      throw new ContractError({
        code: 'AGENCY_NOT_SET',
        message_vi: 'Chưa đặt tên đơn vị và mã cơ quan tiếp nhận trong Cài đặt; hồ sơ không được gửi khi thiếu cơ quan xử lý.',
        message_en: 'The receiving unit name and agency code are not set in Settings; no dossier is sent without a handling agency.',
        details: { fields: ['unitName', 'agencyCode'] },
      });
    }
    const now = this.now();
    const errors = validateAnswers(definition, draft.answers, { units: this.catalogue.units, today: vietnamDate(now) });
    const missing = missingDocuments(definition, draft.answers, attachedKinds(draft), vietnamDate(now));
    const documentErrors = missing.map((d) => ({
      path: `documents.${d.kind}`,
      message_vi: `Thiếu giấy tờ: ${d.name}. Hãy quét hoặc đính kèm trước khi gửi.`,
      message_en: `Missing document: ${d.name}. Scan or attach it before submitting.`,
    }));
    if (errors.length > 0 || documentErrors.length > 0) throw validationFailed([...errors, ...documentErrors], 'dossier');

    const id = randomUUID();
    const receivedAt = now.toISOString();
    const appointment = appointmentDate({ receivedAt: now, workingDays: definition.processing.workingDays, sameDayCutoff: definition.processing.sameDayCutoff }, this.calendar);
    const attachments = draft.attachments.map(({ documentKind, fileName, sha256, bytes }) => ({ documentKind, fileName, sha256, bytes }));
    const content = { procedureCode: definition.code, definitionVersion: definition.version, answers: draft.answers, attachments: attachments.map((a) => a.sha256).sort() };
    const contentSha256 = createHash('sha256').update(canonicalJson(content)).digest('hex');
    const fee = computeFees(definition, draft.answers, 'in_person', vietnamDate(now)).totalVnd;

    const localReference = this.db.transaction(() => {
      const day = vietnamDate(now).slice(2).replaceAll('-', '');
      const count = (this.db.prepare("SELECT count(*) AS n FROM dossiers WHERE local_reference LIKE ?").get(`TAM-${day}-%`) as { n: number }).n;
      const reference = `TAM-${day}-${String(count + 1).padStart(4, '0')}`;
      this.db
        .prepare(
          `INSERT INTO dossiers (id, draft_id, procedure_code, procedure_name, definition_version, dossier_code, local_reference, state, agency_name, agency_code,
             answers_json, attachments_json, content_sha256, received_at, appointment_date, fee_vnd, updated_at)
           VALUES (?, ?, ?, ?, ?, NULL, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, draft.id, definition.code, definition.name, definition.version, reference, settings.unitName, settings.agencyCode, this.cipher.encryptText(JSON.stringify(draft.answers)), this.cipher.encryptText(JSON.stringify(attachments)), contentSha256, receivedAt, appointment.date, fee, receivedAt);
      this.db.prepare("INSERT INTO dossier_history (dossier_id, at, state, note) VALUES (?, ?, 'queued', NULL)").run(id, receivedAt);
      this.db.prepare('INSERT INTO outbox (dossier_id, created_at, next_attempt_at) VALUES (?, ?, ?)').run(id, receivedAt, receivedAt);
      this.db.prepare("UPDATE drafts SET status = 'submitted', updated_at = ? WHERE id = ?").run(receivedAt, draft.id);
      return reference;
    })();
    return { dossierId: id, state: 'queued', localReference };
  }

  list(state?: DossierState): { dossiers: Omit<Dossier, 'answers'>[] } {
    const rows = state
      ? this.db.prepare<[string], DossierRow>('SELECT * FROM dossiers WHERE state = ? ORDER BY received_at DESC LIMIT 500').all(state)
      : this.db.prepare<[], DossierRow>('SELECT * FROM dossiers ORDER BY received_at DESC LIMIT 500').all();
    return { dossiers: rows.map((row) => { const { answers: _a, ...rest } = this.toDossier(row); return rest; }) };
  }

  get(id: string): Dossier {
    const row = this.db.prepare<[string], DossierRow>('SELECT * FROM dossiers WHERE id = ?').get(id);
    if (!row) {
      throw new ContractError({ code: 'NOT_FOUND', message_vi: 'Không tìm thấy hồ sơ này.', message_en: 'This dossier was not found.', details: { id } });
    }
    return this.toDossier(row);
  }

  private toDossier(row: DossierRow): Dossier {
    const history = this.db
      .prepare<[string], { at: string; state: DossierState; note: string | null }>('SELECT at, state, note FROM dossier_history WHERE dossier_id = ? ORDER BY id')
      .all(row.id);
    return {
      id: row.id,
      draftId: row.draft_id,
      procedureCode: row.procedure_code,
      procedureName: row.procedure_name,
      definitionVersion: row.definition_version,
      dossierCode: row.dossier_code,
      localReference: row.local_reference,
      state: row.state,
      agencyName: row.agency_name,
      agencyCode: row.agency_code,
      answers: JSON.parse(this.cipher.decryptText(row.answers_json)) as Answers,
      attachments: JSON.parse(this.cipher.decryptText(row.attachments_json)) as Dossier['attachments'],
      contentSha256: row.content_sha256,
      receivedAt: row.received_at,
      appointmentDate: row.appointment_date,
      feeVnd: row.fee_vnd,
      history,
    };
  }
}
