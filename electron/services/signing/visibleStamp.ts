import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFRef } from 'pdf-lib';

export interface StampText {
  signerName: string;
  organisation: string | null;
  signedAt: Date;
  reason: string | null;
}

export const STAMP_SIZE = { width: 230, height: 62 } as const;

/** Vietnam time (UTC+7, no daylight saving) as dd/MM/yyyy HH:mm — what an official reads on paper. */
export function vietnamTime(date: Date): string {
  const t = new Date(date.getTime() + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())} (GMT+7)`;
}

/** The lines of the stamp, in Vietnamese. */
export function stampLines(text: StampText): string[] {
  return [
    `Ký bởi: ${text.signerName}`,
    ...(text.organisation ? [`Cơ quan: ${text.organisation}`] : []),
    `Thời gian ký: ${vietnamTime(text.signedAt)}`,
    ...(text.reason ? [`Lý do: ${text.reason}`] : []),
  ];
}

/**
 * The widget's appearance stream: a frame and the lines in Liberation Serif (covers Vietnamese; a
 * subset is embedded when the document is flushed).
 */
export async function stampAppearance(doc: PDFDocument, fontBytes: Uint8Array, text: StampText): Promise<PDFRef> {
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  const { width, height } = STAMP_SIZE;
  const lines = stampLines(text);
  const size = 8.5;
  const fitted = lines.map((line) => {
    let shown = line;
    while (shown.length > 4 && font.widthOfTextAtSize(shown, size) > width - 10) shown = `${shown.slice(0, -2)}…`;
    return shown;
  });
  const ops = [
    'q 0.75 0 0 RG 0.8 w 0.5 0.5 ' + `${width - 1} ${height - 1} re S Q`,
    'BT',
    `/F1 ${size} Tf 0.75 0 0 rg ${size + 2} TL 5 ${height - size - 4} Td`,
    ...fitted.map((line, i) => `${i === 0 ? '' : 'T* '}${font.encodeText(line).toString()} Tj`),
    'ET',
  ].join('\n');
  const stream = doc.context.stream(ops, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, width, height], Resources: { Font: { F1: font.ref } } });
  return doc.context.register(stream);
}
