/**
 * Official papers against real poppler: the text a reader (or a screen reader, or a search) gets
 * back out of the PDF must be the exact NFC Vietnamese we put in, with the fonts embedded, on A4.
 * PNG renderings land in test-results/documents/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { procedureDefinitionSchema, type ProcedureDefinition, type ProcedureDefinitionInput } from '../../electron/contract/procedure';
import { loadAdminUnits } from '../../electron/services/catalogue/adminUnits';
import {
  closeSharedDocumentWorker,
  documentResources,
  formatAnswer,
  formatFee,
  lookupTextFor,
  renderApplicationForm,
  renderApplicationFormDocument,
  renderInWorker,
  renderReceipt,
  renderReceiptDocument,
  resolveAnswer,
  unitCodesIn,
  type ReceiptData,
} from '../../electron/services/documents/index';
import { DocumentWriter } from '../../electron/services/documents/layout';
import { drawQr, qrMatrix } from '../../electron/services/documents/qr';
import { tempDir } from '../support/tempDir';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const resourcesDir = path.join(repoRoot, 'resources');
const resources = documentResources(resourcesDir);
const pngDir = path.join(repoRoot, 'test-results', 'documents');
const units = loadAdminUnits(resourcesDir);
const unitName = (code: string) => (code.length === 2 ? units.findProvince(code)?.fullName : units.findCommune(code)?.commune.fullName) ?? null;

afterAll(async () => {
  await closeSharedDocumentWorker();
});

function writePdf(bytes: Uint8Array, name: string): string {
  const file = path.join(tempDir('motcua-documents-'), `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  return file;
}

function pdftotext(file: string, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** pdffonts rows: name, type, emb, uni. */
function pdffonts(file: string): { name: string; type: string; embedded: boolean; unicode: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name, type words…, encoding, emb, sub, uni, object, id
    const [emb, , uni] = cols.slice(-5, -2);
    return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', unicode: uni === 'yes' };
  });
}

function savePng(file: string, name: string): void {
  fs.mkdirSync(pngDir, { recursive: true });
  execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', file, path.join(pngDir, name)]);
}

/** Every visible character of `inputs` occurs in `text` (no glyph lost or substituted). */
function missingFrom(text: string, inputs: string[]): string[] {
  const have = new Set(text.replace(/\s+/g, ''));
  const want = new Set(inputs.join('').normalize('NFC').replace(/\s+/g, ''));
  return [...want].filter((ch) => !have.has(ch));
}

/** The normalised extraction: layout spacing collapsed, for phrase checks that may wrap. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

const receiptData: ReceiptData = {
  agencyName: 'UBND xã Tân Phú',
  unitName: 'Bộ phận Một cửa',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  dossierCode: null,
  localReference: 'TAM-260213-0007',
  // NFD on purpose (a QR reader or a pasted name may bring it): the paper must carry NFC.
  applicant: { fullName: 'Nguyễn Thị Hương'.normalize('NFD'), phone: '0912 345 678', idNumber: '001190012345', address: 'Số 5 ngõ 12 phố Đội Cấn, Phường Ngọc Hà, Thành phố Hà Nội' },
  documents: [
    { name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, copies: 0 },
    { name: 'Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp', originals: 1, copies: 0 },
    { name: 'Giấy chứng nhận kết hôn của cha, mẹ trẻ em (xuất trình, không nộp)', originals: 0, copies: 1 },
  ],
  feeVnd: 20000,
  // 15:35 on Friday 13/02/2026 in Vietnam.
  receivedAt: '2026-02-13T08:35:00.000Z',
  appointmentDate: '2026-02-23',
  workingDays: 1,
  lookupText: lookupTextFor(null, 'TAM-260213-0007'),
  place: 'Tân Phú',
  receivedBy: 'Trần Văn Bình',
};

describe('receipt', () => {
  it('renders A4 with embedded fonts and extracts as the exact NFC Vietnamese text', async () => {
    const rendered = await renderReceiptDocument(receiptData, resources);
    expect(rendered.missingCharacters).toEqual([]);
    expect(rendered.pages).toBe(1);
    const file = writePdf(rendered.pdf, 'receipt');
    savePng(file, 'receipt');

    const info = pdfinfo(file);
    expect(info['Page size']).toMatch(/^595\.28 x 841\.89 pts \(A4\)/);
    expect(info.Pages).toBe('1');

    const fonts = pdffonts(file);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of fonts) {
      expect(f.name).toMatch(/LiberationSerif/);
      expect(f.embedded).toBe(true);
      expect(f.unicode).toBe(true);
    }
    // Subset: only the glyphs used travel (the three whole TTFs are ~1.1 MB).
    expect(rendered.pdf.byteLength).toBeLessThan(120_000);

    const text = pdftotext(file);
    expect(text).toBe(text.normalize('NFC'));
    const t = flat(text);
    for (const phrase of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND XÃ TÂN PHÚ',
      'BỘ PHẬN MỘT CỬA',
      'Nguyễn Thị Hương',
      'Mã tham chiếu tạm (chưa đồng bộ): TAM-260213-0007',
      'Đăng ký khai sinh (mã thủ tục 1.001193)',
      'Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp',
      'Lệ phí: 20.000 đồng',
      '15:35 ngày 13/02/2026',
      'Hẹn trả kết quả: ngày 23/02/2026',
      'Phường Ngọc Hà',
      'Tân Phú, ngày 13 tháng 02 năm 2026',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Trần Văn Bình',
    ]) {
      expect(t).toContain(phrase);
    }
    const inputs = [receiptData.agencyName.toUpperCase(), receiptData.procedureName, receiptData.applicant.fullName, receiptData.applicant.address!, ...receiptData.documents.map((d) => d.name), receiptData.receivedBy!];
    expect(missingFrom(text, inputs)).toEqual([]);
  });

  it('prints the dossier code once synchronised, and "Miễn lệ phí" for no fee', async () => {
    const data: ReceiptData = { ...receiptData, dossierCode: '000.00.01.H22-260213-0042', feeVnd: 0, lookupText: lookupTextFor('000.00.01.H22-260213-0042', 'TAM-260213-0007'), place: undefined };
    const file = writePdf(await renderReceipt(data, resources), 'receipt-synced');
    const t = flat(pdftotext(file));
    expect(t).toContain('Mã hồ sơ: 000.00.01.H22-260213-0042');
    expect(t).not.toContain('chưa đồng bộ');
    expect(t).toContain('Lệ phí: Miễn lệ phí');
    expect(t).toContain('Ngày 13 tháng 02 năm 2026');
    expect(formatFee(1250000)).toBe('1.250.000 đồng');
  });

  it('flows a long list of documents onto a second page, numbered', async () => {
    const documents = Array.from({ length: 40 }, (_, i) => ({ name: `Bản sao chứng thực giấy tờ số ${i + 1} kèm theo hồ sơ của người yêu cầu`, originals: 0, copies: 1 }));
    const rendered = await renderReceiptDocument({ ...receiptData, documents }, resources);
    expect(rendered.pages).toBeGreaterThanOrEqual(2);
    const file = writePdf(rendered.pdf, 'receipt-long');
    const text = pdftotext(file);
    // Decree 30: page numbers from page 2, at the top.
    expect(execFileSync('pdftotext', ['-f', '2', '-l', '2', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).trim().split('\n')[0]).toBe('2');
    expect(flat(text)).toContain('Bản sao chứng thực giấy tờ số 40 kèm theo hồ sơ của người yêu cầu');
    expect(flat(text)).toContain('Hẹn trả kết quả: ngày 23/02/2026');
  });

  it('prints "?" for a character the font lacks and reports it', async () => {
    const rendered = await renderReceiptDocument({ ...receiptData, applicant: { fullName: 'Nguyễn Văn A 😀' } }, resources);
    expect(rendered.missingCharacters).toEqual(['😀']);
    expect(flat(pdftotext(writePdf(rendered.pdf, 'receipt-emoji')))).toContain('Nguyễn Văn A ?');
  });
});

const inlineDefinitionInput: ProcedureDefinitionInput = {
  format: 1,
  code: '1.004222',
  version: '2026.1',
  name: 'Đăng ký thường trú',
  officialName: 'Đăng ký thường trú',
  sector: 'Đăng ký, quản lý cư trú',
  level: 'toan_trinh',
  agency: { name: 'Công an xã Tân Phú', kind: 'commune_police' },
  fees: [{ label: 'Lệ phí đăng ký thường trú', amountVnd: 20000, channel: 'in_person' }],
  processing: { workingDays: 7 },
  legalBasis: ['Luật Cư trú 2020'],
  keywords: ['thường trú'],
  synonyms: [],
  steps: [
    {
      id: 'nguoiKhai',
      title: 'Người khai',
      questions: [
        { id: 'hoTen', type: 'text', label: 'Họ, chữ đệm và tên' },
        { id: 'ngaySinh', type: 'date', label: 'Ngày, tháng, năm sinh' },
        { id: 'gioiTinh', type: 'radio', label: 'Giới tính', options: [{ value: 'nam', label: 'Nam' }, { value: 'nu', label: 'Nữ' }] },
        { id: 'soDinhDanh', type: 'cccd', label: 'Số định danh cá nhân' },
        { id: 'noiThuongTru', type: 'address', label: 'Nơi đề nghị đăng ký thường trú' },
        { id: 'coChuHo', type: 'checkbox', label: 'Có ý kiến đồng ý của chủ hộ' },
        { id: 'email', type: 'email', label: 'Email', required: false },
        { id: 'noiDung', type: 'textarea', label: 'Nội dung đề nghị', maxLength: 1000 },
      ],
    },
    {
      id: 'thanhVien',
      title: 'Những thành viên trong hộ gia đình cùng thay đổi',
      questions: [
        {
          id: 'thanhVien',
          type: 'group',
          label: 'Thành viên',
          itemLabel: 'Thành viên',
          minItems: 0,
          maxItems: 5,
          questions: [
            { id: 'hoTen', type: 'text', label: 'Họ, chữ đệm và tên' },
            { id: 'quanHe', type: 'select', label: 'Quan hệ với chủ hộ', options: [{ value: 'con', label: 'Con' }, { value: 'vo', label: 'Vợ' }, { value: 'chong', label: 'Chồng' }] },
          ],
        },
      ],
    },
  ],
  documents: [],
  example: {},
  form: {
    title: 'Tờ khai thay đổi thông tin cư trú',
    formNumber: 'Mẫu CT01',
    sections: [
      {
        heading: 'I. Thông tin người khai',
        fields: [
          { label: '1. Họ, chữ đệm và tên', answer: 'hoTen' },
          { label: '2. Ngày, tháng, năm sinh', answer: 'ngaySinh' },
          { label: '3. Giới tính', answer: 'gioiTinh' },
          { label: '4. Số định danh cá nhân', answer: 'soDinhDanh' },
          { label: '5. Nơi đề nghị đăng ký thường trú', answer: 'noiThuongTru' },
          { label: '6. Có ý kiến đồng ý của chủ hộ', answer: 'coChuHo' },
          { label: '7. Email', answer: 'email' },
          { label: '8. Nội dung đề nghị', answer: 'noiDung' },
        ],
      },
      {
        heading: 'II. Những thành viên trong hộ gia đình cùng thay đổi',
        fields: [
          { label: 'Họ, chữ đệm và tên (1)', answer: 'thanhVien[0].hoTen' },
          { label: 'Quan hệ với chủ hộ (1)', answer: 'thanhVien[0].quanHe' },
          { label: 'Họ, chữ đệm và tên (2)', answer: 'thanhVien[1].hoTen' },
        ],
      },
    ],
  },
  sources: ['test definition'],
};
const inlineDefinition: ProcedureDefinition = procedureDefinitionSchema.parse(inlineDefinitionInput);

const inlineAnswers: Record<string, unknown> = {
  hoTen: 'Nguyễn Thị Hương',
  ngaySinh: '1990-07-25',
  gioiTinh: 'nu',
  soDinhDanh: '001190012345',
  noiThuongTru: { provinceCode: '01', communeCode: '00008', detail: 'Số 5 ngõ 12 phố Đội Cấn' },
  coChuHo: true,
  email: '',
  noiDung: 'Đăng ký thường trú vào hộ gia đình của ông Lê Quốc Khánh (chủ hộ), nhà riêng tại địa chỉ trên, cùng con gái Nguyễn Ngọc Diệp sinh năm 2015.',
  thanhVien: [{ hoTen: 'Nguyễn Ngọc Diệp', quanHe: 'con' }],
};

describe('application form', () => {
  it('renders a definition with its answers: labels, option labels, dates, addresses, blanks', async () => {
    const rendered = await renderApplicationFormDocument(inlineDefinition, inlineAnswers, { resources, unitName, place: 'Tân Phú', signedOn: '2026-02-13', signerName: 'Nguyễn Thị Hương' });
    expect(rendered.missingCharacters).toEqual([]);
    const file = writePdf(rendered.pdf, 'application');
    savePng(file, 'application-form');
    expect(pdfinfo(file)['Page size']).toMatch(/A4/);
    for (const f of pdffonts(file)) expect(f.embedded && f.unicode).toBe(true);

    const text = pdftotext(file);
    expect(text).toBe(text.normalize('NFC'));
    const t = flat(text);
    for (const phrase of [
      'Mẫu CT01',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ',
      'Kính gửi: Công an xã Tân Phú',
      'I. Thông tin người khai',
      '1. Họ, chữ đệm và tên: Nguyễn Thị Hương',
      '2. Ngày, tháng, năm sinh: 25/07/1990',
      '3. Giới tính: Nữ',
      '5. Nơi đề nghị đăng ký thường trú: Số 5 ngõ 12 phố Đội Cấn, Phường Ngọc Hà, Thành phố Hà Nội',
      '6. Có ý kiến đồng ý của chủ hộ: Có',
      'Quan hệ với chủ hộ (1): Con',
      'Họ, chữ đệm và tên (1): Nguyễn Ngọc Diệp',
      'Tân Phú, ngày 13 tháng 02 năm 2026',
      'NGƯỜI YÊU CẦU',
    ]) {
      expect(t).toContain(phrase);
    }
    // Empty answers are dotted blanks to fill by hand.
    expect(t).toMatch(/7\. Email: \.{10,}/);
    expect(t).toMatch(/Họ, chữ đệm và tên \(2\): \.{10,}/);
    expect(missingFrom(text, [inlineAnswers.noiDung as string, 'Phường Ngọc Hà', 'Thành phố Hà Nội', inlineDefinition.form.title.toUpperCase()])).toEqual([]);
  });

  it('leaves the date line blank when no signing date is given', async () => {
    const file = writePdf(await renderApplicationForm(inlineDefinition, {}, { resources, unitName }), 'application-blank');
    const t = flat(pdftotext(file));
    expect(t).toContain('ngày …… tháng …… năm ……');
    expect(t).toMatch(/1\. Họ, chữ đệm và tên: \.{10,}/);
  });

  const realDefinition = path.join(resourcesDir, 'procedures', '1.001193.json');
  it.skipIf(!fs.existsSync(realDefinition))('renders resources/procedures/1.001193.json with its example answers', async () => {
    const definition = procedureDefinitionSchema.parse(JSON.parse(fs.readFileSync(realDefinition, 'utf8')));
    const rendered = await renderApplicationFormDocument(definition, definition.example, { resources, unitName, signedOn: '2026-02-13' });
    expect(rendered.missingCharacters).toEqual([]);
    const file = writePdf(rendered.pdf, 'application-1.001193');
    savePng(file, 'application-1.001193');
    const text = pdftotext(file);
    expect(text).toBe(text.normalize('NFC'));
    const t = flat(text);
    expect(t).toContain(definition.form.title.toUpperCase().normalize('NFC'));
    const printedAnswers: string[] = [];
    for (const section of definition.form.sections) {
      for (const field of section.fields) {
        expect(t).toContain(flat(`${field.label}:`));
        const { value, question, shown } = resolveAnswer(definition, definition.example, field.answer, undefined, '2026-02-13');
        const answer = shown ? formatAnswer(value, question, unitName) : null;
        if (answer !== null) {
          printedAnswers.push(answer);
          expect(t).toContain(flat(`${field.label}: ${answer}`));
        }
      }
    }
    expect(printedAnswers.length).toBeGreaterThan(10);
    expect(missingFrom(text, printedAnswers)).toEqual([]);
  });
});

describe('QR code', () => {
  it('draws exactly the modules of the code, the right way round', async () => {
    const text = lookupTextFor('000.00.01.H22-260213-0042', 'TAM-260213-0007');
    const writer = await DocumentWriter.create(resources, { title: 'QR' });
    const x = 100;
    const top = 100;
    const width = 150;
    drawQr(writer, text, x, top, width);
    const file = writePdf(await writer.finish(), 'qr');
    // 144 dpi: 2 pixels per point; grey PGM (P5) of the whole page.
    const prefix = path.join(path.dirname(file), 'qr');
    execFileSync('pdftoppm', ['-r', '144', '-gray', '-singlefile', file, prefix]);
    const pgm = fs.readFileSync(`${prefix}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'))!;
    const [cols, offset] = [Number(header[1]), header[0].length];
    const pixel = (px: number, py: number) => pgm[offset + Math.round(py) * cols + Math.round(px)]!;
    const matrix = qrMatrix(text);
    const module = width / matrix.size;
    let mismatches = 0;
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) {
        const dark = pixel((x + (col + 0.5) * module) * 2, (top + (row + 0.5) * module) * 2) < 128;
        if (dark !== matrix.dark(row, col)) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    // The quiet zone around it stays white.
    expect(pixel((x - 2 * module) * 2, (top + width / 2) * 2)).toBeGreaterThan(200);
  });
});

describe('worker', () => {
  it('renders the same documents in a worker thread (buffer transferred)', async () => {
    const receipt = await renderInWorker({ kind: 'receipt', resourcesDir, data: receiptData });
    expect(receipt).toBeInstanceOf(Uint8Array);
    expect(flat(pdftotext(writePdf(receipt, 'receipt-worker')))).toContain('Hẹn trả kết quả: ngày 23/02/2026');

    const names = Object.fromEntries(unitCodesIn(inlineAnswers).map((c) => [c, unitName(c) ?? c]));
    const form = await renderInWorker({ kind: 'application', resourcesDir, definition: inlineDefinition, answers: inlineAnswers, unitNames: names, options: { signedOn: '2026-02-13' } });
    expect(flat(pdftotext(writePdf(form, 'application-worker')))).toContain('Phường Ngọc Hà, Thành phố Hà Nội');
  });

  it('reports a failed job as an error, and keeps serving', async () => {
    await expect(renderInWorker({ kind: 'receipt', resourcesDir, data: { ...receiptData, appointmentDate: '23/02/2026' } })).rejects.toThrow(/appointmentDate/);
    expect((await renderInWorker({ kind: 'receipt', resourcesDir, data: receiptData })).byteLength).toBeGreaterThan(1000);
  });
});
