/**
 * Fonts for official papers (Decree 30/2020: a Times-compatible serif; DESIGN §5). Liberation
 * Serif is metric-compatible with Times New Roman, covers Vietnamese, and is SIL OFL 1.1
 * (resources/fonts/README.md).
 *
 * The TTF bytes are read once per resources folder and kept; every document embeds them with
 * fontkit as a subset (only the glyphs used: a receipt is ~30 KB instead of ~700 KB). Checked
 * (tests/integration/documents.test.ts): the subset keeps a ToUnicode map, so `pdftotext` returns
 * the exact NFC text, stacked marks included ("Ngọc Hà", "Nguyễn", "HẸN TRẢ KẾT QUẢ").
 */
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export type FontStyle = 'regular' | 'bold' | 'italic';

export const FONT_FILES: Record<FontStyle, string> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
};

/** The raw font files (plain bytes: they can be sent to a worker). */
export type FontBytes = Record<FontStyle, Uint8Array>;

/** What a renderer needs from resources/: today, the fonts. */
export interface DocumentResources {
  fonts: FontBytes;
}

const cache = new Map<string, FontBytes>();

/** Reads `<resourcesDir>/fonts/LiberationSerif-*.ttf` once per folder. */
export function loadFontBytes(resourcesDir: string): FontBytes {
  const dir = path.resolve(resourcesDir, 'fonts');
  let fonts = cache.get(dir);
  if (!fonts) {
    const read = (style: FontStyle) => {
      const file = path.join(dir, FONT_FILES[style]);
      try {
        return new Uint8Array(fs.readFileSync(file));
      } catch (error) {
        throw new Error(`Cannot read the font ${file} (official papers need it): ${(error as Error).message}`);
      }
    };
    fonts = { regular: read('regular'), bold: read('bold'), italic: read('italic') };
    cache.set(dir, fonts);
  }
  return fonts;
}

/** The resources for rendering, loaded once per folder. */
export function documentResources(resourcesDir: string): DocumentResources {
  return { fonts: loadFontBytes(resourcesDir) };
}

export type EmbeddedFonts = Record<FontStyle, PDFFont>;

/**
 * Embeds the three styles into `doc` as subsets. `subset: false` embeds whole fonts (kept as an
 * escape hatch should a font's subset ever lose its ToUnicode map; not needed for Liberation Serif).
 */
export async function embedFonts(doc: PDFDocument, fonts: FontBytes, options: { subset?: boolean } = {}): Promise<EmbeddedFonts> {
  doc.registerFontkit(fontkit);
  const subset = options.subset ?? true;
  const [regular, bold, italic] = await Promise.all([
    doc.embedFont(fonts.regular, { subset }),
    doc.embedFont(fonts.bold, { subset }),
    doc.embedFont(fonts.italic, { subset }),
  ]);
  return { regular, bold, italic };
}
