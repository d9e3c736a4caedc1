/**
 * "Giấy tiếp nhận hồ sơ và hẹn trả kết quả": the paper a resident takes home after handing in a
 * dossier (content after the form of Circular 01/2018/TT-VPCP, typography after Decree 30/2020).
 */
import { formatDateVi } from '../../contract/answers/dates';
import { vietnamDateTime } from '../calendar/workingDays';
import type { DocumentResources } from './fonts';
import { DocumentWriter, formatThousands, mm, type Paragraph } from './layout';
import { drawQr, QR_QUIET_ZONE } from './qr';

/**
 * What the receipt prints. Plain data (it crosses into the document worker as is); strings are
 * printed as written (NFC-normalised), dates are given in storage form and printed dd/mm/yyyy.
 */
export interface ReceiptData {
  /** The receiving body as on its letterhead, e.g. "UBND XÃ TÂN PHÚ". */
  agencyName: string;
  /** The unit under it, e.g. "BỘ PHẬN MỘT CỬA". */
  unitName: string;
  /** National procedure code, `^\d\.\d{6}$`, e.g. "1.001193". */
  procedureCode: string;
  /** e.g. "Đăng ký khai sinh". */
  procedureName: string;
  /** `<agency code>-YYMMDD-XXXX` from the receiving system; null while offline (not yet synchronised). */
  dossierCode: string | null;
  /** Our own reference (printed with "Mã tham chiếu tạm (chưa đồng bộ)" while `dossierCode` is null). */
  localReference: string;
  applicant: {
    fullName: string;
    phone?: string;
    /** CCCD / personal identification number. */
    idNumber?: string;
    address?: string;
  };
  /** Papers received: name and the number of originals (bản chính) and copies (bản sao). */
  documents: { name: string; originals: number; copies: number }[];
  /** Fee charged in VND; 0 prints "Miễn lệ phí" unless `feeNote` says otherwise. */
  feeVnd: number;
  /** Printed instead of the amount/“Miễn lệ phí” when set (a provincial fee not known here, …). */
  feeNote?: string;
  /** When the complete dossier was received: ISO 8601 instant; printed in Vietnam time. */
  receivedAt: string;
  /** Appointment for the result, `YYYY-MM-DD` (calendar/workingDays.ts `appointmentDate`). */
  appointmentDate: string;
  /** Legal processing time, printed when given ("3 ngày làm việc"). */
  workingDays?: number;
  /** A warning printed under the appointment (e.g. the year's days off are not verified yet). */
  appointmentNote?: string;
  /** Text in the QR code for the status look-up, e.g. `MOTCUA:<dossierCode or localReference>`. */
  lookupText: string;
  /** Place name for the date line ("Tân Phú, ngày …"); omitted: "Ngày …". */
  place?: string;
  /** The official who received the dossier, printed under the signature line. */
  receivedBy?: string;
}

/** `MOTCUA:<code>`: the status look-up text for a dossier (its code, or the local reference while offline). */
export function lookupTextFor(dossierCode: string | null, localReference: string): string {
  return `MOTCUA:${dossierCode ?? localReference}`;
}

/** 20000 → "20.000 đồng"; 0 → "Miễn lệ phí". */
export function formatFee(feeVnd: number, note?: string): string {
  if (note) return note;
  return feeVnd === 0 ? 'Miễn lệ phí' : `${formatThousands(feeVnd)} đồng`;
}

/** "ngày 16 tháng 02 năm 2026" */
export function longDateVi(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return `ngày ${m[3]} tháng ${m[2]} năm ${m[1]}`;
}

export interface RenderedDocument {
  pdf: Uint8Array;
  pages: number;
  /** Characters the font could not print ("?" on paper): empty for Vietnamese text. */
  missingCharacters: string[];
}

/** The national motto block (right of the header, or centred on a form). */
export function mottoParagraphs(align: 'center' = 'center'): Paragraph[] {
  return [
    { runs: [{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', style: 'bold' }], size: 12, align },
    { runs: [{ text: 'Độc lập - Tự do - Hạnh phúc', style: 'bold' }], size: 13, align, rule: 1 },
  ];
}

function checkData(data: ReceiptData): Date {
  const received = new Date(data.receivedAt);
  if (Number.isNaN(received.getTime())) throw new RangeError(`receivedAt is not an ISO instant: ${data.receivedAt}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(data.appointmentDate)) throw new RangeError(`appointmentDate is not YYYY-MM-DD: ${data.appointmentDate}`);
  return received;
}

export async function renderReceiptDocument(data: ReceiptData, resources: DocumentResources): Promise<RenderedDocument> {
  const received = vietnamDateTime(checkData(data));
  const code = data.dossierCode ?? data.localReference;
  const w = await DocumentWriter.create(resources, { title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', subject: `${data.procedureName} — ${code}` });

  // Header: issuing body (left), national motto (right).
  w.columns([
    {
      share: 0.42,
      paragraphs: [
        { runs: data.agencyName.toUpperCase(), size: 12, align: 'center' },
        { runs: [{ text: data.unitName.toUpperCase(), style: 'bold' }], size: 12, align: 'center', rule: 0.4 },
      ],
    },
    { share: 0.58, paragraphs: mottoParagraphs() },
  ]);
  w.space(8);
  const dateLine = longDateVi(received.date);
  w.paragraph([{ text: data.place ? `${data.place}, ${dateLine}` : dateLine.charAt(0).toUpperCase() + dateLine.slice(1), style: 'italic' }], { align: 'right', after: 10 });

  w.centered([{ text: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', style: 'bold' }], { size: 14, after: 2 });
  if (data.dossierCode) w.centered([{ text: 'Mã hồ sơ: ' }, { text: data.dossierCode, style: 'bold' }], { after: 8 });
  else w.centered([{ text: 'Mã tham chiếu tạm (chưa đồng bộ): ' }, { text: data.localReference, style: 'bold' }], { after: 8 });

  w.labelValue('Tiếp nhận hồ sơ của:', [{ text: data.applicant.fullName, style: 'bold' }], { labelShare: 0.3 });
  if (data.applicant.idNumber) w.labelValue('Số định danh cá nhân:', data.applicant.idNumber, { labelShare: 0.3 });
  if (data.applicant.phone) w.labelValue('Số điện thoại:', data.applicant.phone, { labelShare: 0.3 });
  if (data.applicant.address) w.labelValue('Địa chỉ:', data.applicant.address, { labelShare: 0.3 });
  w.labelValue('Thủ tục:', `${data.procedureName} (mã thủ tục ${data.procedureCode})`, { labelShare: 0.3, after: 4 });

  w.paragraph([{ text: '1. Thành phần hồ sơ nộp gồm:', style: 'bold' }], { after: 3 });
  if (data.documents.length > 0) {
    w.table(
      [
        { header: 'STT', width: 0.08, align: 'center' },
        { header: 'Tên giấy tờ', width: 0.62 },
        { header: 'Bản chính', width: 0.15, align: 'center' },
        { header: 'Bản sao', width: 0.15, align: 'center' },
      ],
      data.documents.map((d, i) => [String(i + 1), d.name, String(d.originals), String(d.copies)]),
    );
  } else w.paragraph([{ text: '(không có giấy tờ kèm theo)', style: 'italic' }]);
  w.space(4);
  w.paragraph([{ text: '2. Lệ phí: ', style: 'bold' }, { text: formatFee(data.feeVnd, data.feeNote) }]);
  let item = 3;
  if (data.workingDays !== undefined) {
    w.paragraph([{ text: `${item++}. Thời hạn giải quyết theo quy định: `, style: 'bold' }, { text: data.workingDays === 0 ? 'trong ngày làm việc' : `${data.workingDays} ngày làm việc` }]);
  }
  w.paragraph([{ text: `${item++}. Thời gian nhận hồ sơ: `, style: 'bold' }, { text: `${received.time} ngày ${formatDateVi(received.date)}` }]);
  w.paragraph([{ text: `${item++}. Hẹn trả kết quả: ngày ${formatDateVi(data.appointmentDate)}`, style: 'bold' }]);
  if (data.appointmentNote) w.paragraph([{ text: data.appointmentNote, style: 'italic' }], { size: 11 });
  w.space(8);

  // QR code for the status look-up, with its explanation beside it.
  const qrWidth = mm(24);
  const quiet = (qrWidth / 29) * QR_QUIET_ZONE;
  const text: Paragraph[] = [
    { runs: [{ text: 'Tra cứu tình trạng hồ sơ', style: 'bold' }], size: 12 },
    { runs: `Quét mã QR bên cạnh tại ki-ốt hoặc đọc mã ${data.dossierCode ? 'hồ sơ' : 'tham chiếu'} ${code} cho cán bộ Bộ phận Một cửa.`, size: 12 },
  ];
  const textX = qrWidth + quiet + 6;
  w.ensure(Math.max(qrWidth + quiet, w.measureBox(text, w.contentWidth - textX)));
  drawQr(w, data.lookupText, w.left + quiet / 2, w.cursor, qrWidth);
  const textHeight = w.box(text, textX, w.contentWidth - textX);
  w.cursor += Math.max(qrWidth, textHeight);
  w.space(12);

  const signature = (title: string, name?: string): Paragraph[] => [
    { runs: [{ text: title, style: 'bold' }], align: 'center' },
    { runs: [{ text: '(Ký và ghi rõ họ tên)', style: 'italic' }], align: 'center', size: 12, after: 52 },
    { runs: [{ text: name ?? ' ', style: 'bold' }], align: 'center' },
  ];
  w.columns([
    { share: 1, paragraphs: signature('NGƯỜI NỘP HỒ SƠ', data.applicant.fullName) },
    { share: 1, paragraphs: signature('NGƯỜI TIẾP NHẬN HỒ SƠ', data.receivedBy) },
  ]);

  const pdf = await w.finish();
  return { pdf, pages: w.doc.getPageCount(), missingCharacters: [...w.missingCharacters] };
}

/** The receipt as PDF bytes. */
export async function renderReceipt(data: ReceiptData, resources: DocumentResources): Promise<Uint8Array> {
  return (await renderReceiptDocument(data, resources)).pdf;
}
