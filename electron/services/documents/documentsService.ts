import { computeFees, type FeeQuote } from '../../contract/answers/index';
import type { Dossier } from '../../contract/dossiers';
import type { Answers, ProcedureDefinition } from '../../contract/procedure';
import { vietnamDate } from '../calendar/workingDays';
import type { CatalogueService } from '../catalogue/catalogueService';
import { applicantName } from '../drafts/draftsService';
import { unitCodesIn, type DocumentJob } from './jobs';
import { lookupTextFor, type ReceiptData, type RenderedDocument } from './receipt';

function answerOfField(definition: ProcedureDefinition, answers: Answers, field: 'idNumber' | 'phone'): string | undefined {
  const question = definition.steps
    .flatMap((s) => s.questions)
    .find((q) => (field === 'phone' ? q.type === 'phone' : q.cccdField === 'idNumber'));
  const value = question ? answers[question.id] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Fees whose amount is not known here are named, each with who sets it; known ones are summed. */
function feeNote(fees: FeeQuote): string {
  const unknown = fees.lines
    .filter((l) => l.amountSource !== 'fixed')
    .map((l) => `${l.label}: ${l.amountSource === 'provincial_council' ? 'theo mức Hội đồng nhân dân tỉnh quy định' : 'cán bộ thông báo mức thu'}`);
  const known = fees.totalVnd > 0 ? `${fees.totalVnd.toLocaleString('vi-VN')} đồng` : 'Miễn lệ phí';
  return [known, ...unknown].join('; ');
}

/**
 * The receipt and the filled application form of a dossier, as PDF. Rendering takes 50–150 ms,
 * so it runs where `renderJob` sends it: a worker thread in the app (DESIGN §3).
 */
export class DocumentsService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly resourcesDir: string,
    private readonly renderJob: (job: DocumentJob) => Promise<RenderedDocument>,
  ) {}

  receiptData(dossier: Dossier, definition: ProcedureDefinition): ReceiptData {
    const attached = new Set(dossier.attachments.map((a) => a.documentKind));
    const fees = computeFees(definition, dossier.answers, 'in_person', vietnamDate(new Date(dossier.receivedAt)));
    return {
      agencyName: dossier.agencyName.toLocaleUpperCase('vi'),
      unitName: 'BỘ PHẬN MỘT CỬA',
      procedureCode: dossier.procedureCode,
      procedureName: dossier.procedureName,
      dossierCode: dossier.dossierCode,
      localReference: dossier.localReference,
      applicant: {
        fullName: applicantName(definition, dossier.answers) ?? '',
        phone: answerOfField(definition, dossier.answers, 'phone'),
        idNumber: answerOfField(definition, dossier.answers, 'idNumber'),
      },
      documents: definition.documents.filter((d) => attached.has(d.kind)).map((d) => ({ name: d.name, originals: d.originals, copies: d.copies })),
      feeVnd: dossier.feeVnd,
      ...(fees.hasUnknownAmounts ? { feeNote: feeNote(fees) } : {}),
      receivedAt: dossier.receivedAt,
      appointmentDate: dossier.appointmentDate,
      workingDays: definition.processing.workingDays,
      lookupText: lookupTextFor(dossier.dossierCode, dossier.localReference),
    };
  }

  async render(kind: 'application' | 'receipt', dossier: Dossier): Promise<{ pdf: Uint8Array; pages: number; fileName: string }> {
    const definition = this.catalogue.get(dossier.procedureCode);
    const reference = dossier.dossierCode ?? dossier.localReference;
    if (kind === 'receipt') {
      const rendered = await this.renderJob({ kind: 'receipt', resourcesDir: this.resourcesDir, data: this.receiptData(dossier, definition) });
      return { pdf: rendered.pdf, pages: rendered.pages, fileName: `phieu-hen-${reference}.pdf` };
    }
    const units = this.catalogue.units;
    const unitNames: Record<string, string> = {};
    for (const code of unitCodesIn(dossier.answers)) {
      const name = units.communeName(code) ?? units.provinceName(code);
      if (name !== null) unitNames[code] = name;
    }
    const rendered = await this.renderJob({
      kind: 'application',
      resourcesDir: this.resourcesDir,
      definition,
      answers: dossier.answers,
      unitNames,
      options: { recipient: dossier.agencyName, signedOn: vietnamDate(new Date(dossier.receivedAt)) },
    });
    return { pdf: rendered.pdf, pages: rendered.pages, fileName: `to-khai-${reference}.pdf` };
  }
}
