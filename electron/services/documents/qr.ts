/**
 * QR codes drawn as vector squares (no bitmap): sharp at any printer resolution and a few hundred
 * bytes in the PDF. Horizontal runs of dark modules are merged into one rectangle each.
 */
import QRCode from 'qrcode';
import type { DocumentWriter } from './layout';

/** Quiet zone required around a QR code, in modules (ISO/IEC 18004). */
export const QR_QUIET_ZONE = 4;

export interface QrMatrix {
  size: number;
  dark(row: number, col: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  // 'M' (15 % recovery): survives a crease or a smudge on a thermal or laser printout.
  const { modules } = QRCode.create(text.normalize('NFC'), { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}

/**
 * Draws the code with its top-left module at (`x`, `top`) — the quiet zone is outside, so leave
 * 4 modules of white around it — `width` pt wide. Returns the module size used.
 */
export function drawQr(writer: DocumentWriter, text: string, x: number, top: number, width: number): number {
  const matrix = qrMatrix(text);
  const module = width / matrix.size;
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.dark(row, col)) col++;
      // A hair of overlap so no white seams appear between neighbouring rows in some renderers.
      writer.fillRect(x + start * module, top + row * module, (col - start) * module, module + 0.01);
    }
  }
  return module;
}
