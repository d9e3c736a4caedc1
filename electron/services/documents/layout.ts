/**
 * A small page-layout helper for official papers (Decree 30/2020/NĐ-CP conventions):
 * A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm (within the decree's 20–25 /
 * 20–25 / 30–35 / 15–20 mm), a Times-compatible serif at 13 pt, page numbers from page 2 centred
 * in the top margin.
 *
 * What it does: word-wrapping of Vietnamese text measured with the embedded font, bold/italic/
 * underlined runs inside one paragraph, alignment (left, centre, right), page breaks, side-by-side
 * blocks (the two-column header and the signature blocks), "label: value" rows, dotted blanks,
 * and simple bordered tables. Every string is normalised to NFC before it reaches pdf-lib (stored
 * text should already be NFC, but a QR reader or a pasted name may bring NFD); a character the
 * font lacks is printed as "?" and reported in `missingCharacters` rather than dropped silently.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { embedFonts, type DocumentResources, type EmbeddedFonts, type FontStyle } from './fonts';

export const A4 = { width: 595.28, height: 841.89 } as const;

/** Millimetres to PDF points. */
export function mm(value: number): number {
  return (value * 72) / 25.4;
}

export const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;

export const BODY_SIZE = 13;
const LINE_HEIGHT = 1.3;
const BLACK = rgb(0, 0, 0);
/** A rule under a line sits this far (em) below the baseline: clear of dots below (Ậ, Ộ) and descenders. */
const RULE_DROP = 0.45;
/** Extra space (em) a ruled paragraph takes below its last line. */
const RULE_SPACE = 0.3;

/** A piece of text in one style. */
export interface Run {
  text: string;
  style?: FontStyle;
  underline?: boolean;
}

export type Align = 'left' | 'center' | 'right';

export interface ParagraphOptions {
  size?: number;
  align?: Align;
  /** Extra left indent (pt) of every line. */
  indent?: number;
  /** Extra indent (pt) of the first line only. */
  firstLineIndent?: number;
  /** Space after the paragraph (pt). */
  after?: number;
  /**
   * A horizontal rule under the last line, centred on it, this fraction of its width (Decree 30:
   * 1 under "Độc lập - Tự do - Hạnh phúc", about 1/3 under the issuing unit's name).
   */
  rule?: number;
}

export interface Paragraph extends ParagraphOptions {
  runs: string | Run[];
}

interface Piece {
  text: string;
  style: FontStyle;
  underline: boolean;
  width: number;
}

interface Line {
  pieces: Piece[];
  width: number;
  indent: number;
}

interface LaidOut {
  lines: Line[];
  size: number;
  lineHeight: number;
  height: number;
  align: Align;
  width: number;
  rule: number | undefined;
  after: number;
}

export interface TableColumn {
  header: string;
  /** Share of the table width (the shares are normalised). */
  width: number;
  align?: Align;
}

/** NFC, and no control characters (tabs become spaces; line breaks are handled by the caller). */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.normalize('NFC').replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

export class DocumentWriter {
  page!: PDFPage;
  /** Distance (pt) from the top edge of the current page to the top of the next line. */
  cursor = 0;
  /** Characters the font could not print (shown as "?"). */
  readonly missingCharacters = new Set<string>();
  private readonly charsets = new Map<FontStyle, Set<number>>();
  /** Measured widths by style, size and text: fontkit's layout is the costly part of wrapping. */
  private readonly widths = new Map<string, number>();

  private constructor(
    readonly doc: PDFDocument,
    readonly fonts: EmbeddedFonts,
  ) {
    this.newPage();
  }

  static async create(resources: DocumentResources, meta: { title: string; subject?: string }): Promise<DocumentWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(cleanText(meta.title));
    if (meta.subject) doc.setSubject(cleanText(meta.subject));
    doc.setLanguage('vi-VN');
    doc.setCreator('Một Cửa Kiosk');
    doc.setProducer('Một Cửa Kiosk (pdf-lib)');
    const fonts = await embedFonts(doc, resources.fonts);
    return new DocumentWriter(doc, fonts);
  }

  get left(): number {
    return MARGINS.left;
  }

  get contentWidth(): number {
    return A4.width - MARGINS.left - MARGINS.right;
  }

  /** Height (pt) still free on the current page. */
  get remaining(): number {
    return A4.height - MARGINS.bottom - this.cursor;
  }

  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.cursor = MARGINS.top;
  }

  /** Starts a new page unless `height` still fits. */
  ensure(height: number): void {
    if (height > this.remaining && this.cursor > MARGINS.top) this.newPage();
  }

  space(pt: number): void {
    this.cursor += pt;
    if (this.cursor > A4.height - MARGINS.bottom) this.newPage();
  }

  // -------------------------------------------------------------------------------------------
  // Measuring and wrapping

  private font(style: FontStyle): PDFFont {
    return this.fonts[style];
  }

  private printable(text: string, style: FontStyle): string {
    let set = this.charsets.get(style);
    if (!set) {
      set = new Set(this.font(style).getCharacterSet());
      this.charsets.set(style, set);
    }
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (set.has(cp) || ch === ' ') out += ch;
      else {
        this.missingCharacters.add(ch);
        out += '?';
      }
    }
    return out;
  }

  width(text: string, style: FontStyle = 'regular', size = BODY_SIZE): number {
    return this.measure(this.printable(cleanText(text), style), style, size);
  }

  private measure(text: string, style: FontStyle, size: number): number {
    const key = `${style}\u0000${size}\u0000${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.font(style).widthOfTextAtSize(text, size);
      this.widths.set(key, w);
    }
    return w;
  }

  private toRuns(runs: string | Run[]): Run[] {
    return typeof runs === 'string' ? [{ text: runs }] : runs;
  }

  /** Wraps runs into lines of at most `width` pt; `\n` forces a break. Pure (draws nothing). */
  layout(paragraph: Paragraph, width: number): LaidOut {
    const size = paragraph.size ?? BODY_SIZE;
    const indent = paragraph.indent ?? 0;
    const firstIndent = paragraph.firstLineIndent ?? 0;
    const lines: Line[] = [];
    let current: Piece[] = [];
    let currentWidth = 0;
    const available = () => width - indent - (lines.length === 0 ? firstIndent : 0);
    const flush = () => {
      while (current.length > 0 && current.at(-1)!.text.trim() === '') currentWidth -= current.pop()!.width;
      lines.push({ pieces: current, width: currentWidth, indent: indent + (lines.length === 0 ? firstIndent : 0) });
      current = [];
      currentWidth = 0;
    };
    const push = (piece: Piece) => {
      const last = current.at(-1);
      if (last && last.style === piece.style && last.underline === piece.underline) {
        last.text += piece.text;
        last.width += piece.width;
      } else current.push({ ...piece });
      currentWidth += piece.width;
    };

    for (const run of this.toRuns(paragraph.runs)) {
      const style = run.style ?? 'regular';
      const underline = run.underline ?? false;
      const text = this.printable(cleanText(run.text), style);
      for (const token of text.split(/(\n| +)/)) {
        if (token === '') continue;
        if (token === '\n') {
          flush();
          continue;
        }
        const tokenWidth = this.measure(token, style, size);
        if (token.trim() === '') {
          if (current.length > 0) push({ text: token, style, underline, width: tokenWidth });
          continue;
        }
        if (currentWidth + tokenWidth <= available() + 0.01) {
          push({ text: token, style, underline, width: tokenWidth });
          continue;
        }
        if (current.length > 0) flush();
        if (tokenWidth <= available() + 0.01) {
          push({ text: token, style, underline, width: tokenWidth });
          continue;
        }
        // A word longer than the line (a long code, a URL): break it between characters.
        for (const ch of token) {
          const w = this.measure(ch, style, size);
          if (currentWidth + w > available() + 0.01 && current.length > 0) flush();
          push({ text: ch, style, underline, width: w });
        }
      }
    }
    if (current.length > 0 || lines.length === 0) flush();
    const lineHeight = size * LINE_HEIGHT;
    return { lines, size, lineHeight, height: lines.length * lineHeight, align: paragraph.align ?? 'left', width, rule: paragraph.rule, after: paragraph.after ?? 0 };
  }

  // -------------------------------------------------------------------------------------------
  // Drawing

  /** Draws laid-out lines with their top at `top` (distance from the page's top edge). */
  private drawLaidOut(laid: LaidOut, x: number, top: number): void {
    laid.lines.forEach((line, index) => {
      const lineTop = top + index * laid.lineHeight;
      // Baseline one em below the line's top: room above for stacked marks (Ấ, Ỗ), below for descenders.
      const baseline = A4.height - lineTop - laid.size;
      const free = laid.width - line.indent - line.width;
      let penX = x + line.indent + (laid.align === 'center' ? free / 2 : laid.align === 'right' ? free : 0);
      const lineStart = penX;
      for (const piece of line.pieces) {
        this.page.drawText(piece.text, { x: penX, y: baseline, size: laid.size, font: this.font(piece.style), color: BLACK });
        if (piece.underline && piece.text.trim() !== '') {
          this.page.drawLine({ start: { x: penX, y: baseline - laid.size * 0.12 }, end: { x: penX + piece.width, y: baseline - laid.size * 0.12 }, thickness: 0.6, color: BLACK });
        }
        penX += piece.width;
      }
      if (laid.rule !== undefined && index === laid.lines.length - 1) {
        const ruleWidth = line.width * laid.rule;
        const ruleX = lineStart + (line.width - ruleWidth) / 2;
        const ruleY = baseline - laid.size * RULE_DROP;
        this.page.drawLine({ start: { x: ruleX, y: ruleY }, end: { x: ruleX + ruleWidth, y: ruleY }, thickness: 0.7, color: BLACK });
      }
    });
  }

  private blockHeight(laid: LaidOut): number {
    return laid.height + (laid.rule !== undefined ? laid.size * RULE_SPACE : 0) + laid.after;
  }

  /** A wrapped paragraph across the content width, breaking pages between lines. */
  paragraph(runs: string | Run[], options: ParagraphOptions = {}): void {
    const laid = this.layout({ runs, ...options }, this.contentWidth);
    // Lines one at a time, so a long paragraph flows onto the next page.
    laid.lines.forEach((line, index) => {
      this.ensure(laid.lineHeight);
      const single: LaidOut = { ...laid, lines: [line], height: laid.lineHeight, rule: index === laid.lines.length - 1 ? laid.rule : undefined };
      this.drawLaidOut(single, this.left, this.cursor);
      this.cursor += laid.lineHeight;
    });
    if (laid.rule !== undefined) this.cursor += laid.size * RULE_SPACE;
    this.space(laid.after);
  }

  /** One centred line (or more, if it wraps). */
  centered(runs: string | Run[], options: Omit<ParagraphOptions, 'align'> = {}): void {
    this.paragraph(runs, { ...options, align: 'center' });
  }

  /**
   * Side-by-side blocks sharing one top (the header: issuing unit left, national motto right;
   * the signature blocks). `share`: each block's part of the content width. Never split.
   */
  columns(blocks: { share: number; paragraphs: Paragraph[] }[]): void {
    const total = blocks.reduce((s, b) => s + b.share, 0);
    let x = this.left;
    const laidBlocks = blocks.map((block) => {
      const width = (this.contentWidth * block.share) / total;
      const laid = block.paragraphs.map((p) => this.layout(p, width));
      const result = { x, laid, height: laid.reduce((h, l) => h + this.blockHeight(l), 0) };
      x += width;
      return result;
    });
    const height = Math.max(...laidBlocks.map((b) => b.height));
    this.ensure(height);
    for (const block of laidBlocks) {
      let top = this.cursor;
      for (const laid of block.laid) {
        this.drawLaidOut(laid, block.x, top);
        top += this.blockHeight(laid);
      }
    }
    this.cursor += height;
  }

  /** Height that `box` would take. */
  measureBox(paragraphs: Paragraph[], width: number): number {
    return paragraphs.reduce((h, p) => h + this.blockHeight(this.layout(p, width)), 0);
  }

  /**
   * Paragraphs in a box `xOffset` pt right of the left margin, `width` wide, top at the cursor.
   * Neither breaks pages nor moves the cursor (call `ensure` first); returns the height used.
   */
  box(paragraphs: Paragraph[], xOffset: number, width: number): number {
    let top = this.cursor;
    for (const p of paragraphs) {
      const laid = this.layout(p, width);
      this.drawLaidOut(laid, this.left + xOffset, top);
      top += this.blockHeight(laid);
    }
    return top - this.cursor;
  }

  /** A two-column row: the label on the left (`labelShare` of the width), the value on the right. */
  labelValue(label: string, value: string | Run[], options: { labelShare?: number; size?: number; after?: number } = {}): void {
    const size = options.size ?? BODY_SIZE;
    const labelWidth = this.contentWidth * (options.labelShare ?? 0.38);
    const gap = 6;
    const l = this.layout({ runs: label, size }, labelWidth - gap);
    const v = this.layout({ runs: value, size }, this.contentWidth - labelWidth);
    const height = Math.max(l.height, v.height);
    this.ensure(height);
    this.drawLaidOut(l, this.left, this.cursor);
    this.drawLaidOut(v, this.left + labelWidth, this.cursor);
    this.cursor += height;
    this.space(options.after ?? 0);
  }

  /**
   * "label: value" flowing as one paragraph; with no value, the rest of the line is a dotted blank
   * to fill by hand (and one more dotted line when less than a third of a line is left).
   */
  field(label: string, value: string | null, options: { size?: number; indent?: number; labelStyle?: FontStyle } = {}): void {
    const size = options.size ?? BODY_SIZE;
    const labelRun: Run = { text: `${label}: `, style: options.labelStyle ?? 'regular' };
    if (value !== null && value.trim() !== '') {
      this.paragraph([labelRun, { text: value }], { size, indent: options.indent ?? 0 });
      return;
    }
    const laid = this.layout({ runs: [labelRun], size, indent: options.indent ?? 0 }, this.contentWidth);
    const last = laid.lines.at(-1)!;
    const dot = this.measure('.', 'regular', size);
    let free = this.contentWidth - last.indent - last.width - this.measure(' ', 'regular', size);
    const runs: Run[] = [labelRun];
    if (free < this.contentWidth / 3) {
      runs.push({ text: `${'.'.repeat(Math.max(0, Math.floor(free / dot) - 1))}\n` });
      free = this.contentWidth - (options.indent ?? 0);
    }
    runs.push({ text: '.'.repeat(Math.max(3, Math.floor(free / dot) - 1)) });
    this.paragraph(runs, { size, indent: options.indent ?? 0 });
  }

  /** A bordered table; the header row is bold and centred; rows never split across pages. */
  table(columns: TableColumn[], rows: string[][], options: { size?: number } = {}): void {
    const size = options.size ?? BODY_SIZE - 1;
    const pad = 3;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (this.contentWidth * c.width) / total);
    const drawRow = (cells: string[], bold: boolean) => {
      const laid = cells.map((cell, i) =>
        this.layout({ runs: [{ text: cell, style: bold ? 'bold' : 'regular' }], size, align: bold ? 'center' : (columns[i]!.align ?? 'left') }, widths[i]! - 2 * pad),
      );
      const height = Math.max(...laid.map((l) => l.height)) + 2 * pad;
      this.ensure(height);
      let x = this.left;
      laid.forEach((l, i) => {
        this.drawLaidOut(l, x + pad, this.cursor + pad);
        this.page.drawRectangle({ x, y: A4.height - this.cursor - height, width: widths[i]!, height, borderColor: BLACK, borderWidth: 0.5 });
        x += widths[i]!;
      });
      this.cursor += height;
    };
    drawRow(columns.map((c) => c.header), true);
    for (const row of rows) drawRow(row, false);
  }

  /** Filled rectangles, in points from the page's top-left corner (the QR code's modules). */
  fillRect(x: number, top: number, width: number, height: number): void {
    this.page.drawRectangle({ x, y: A4.height - top - height, width, height, color: BLACK });
  }

  /** Page numbers (from page 2, centred in the top margin: Decree 30), then the PDF bytes. */
  async finish(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      if (index === 0) return;
      const label = String(index + 1);
      const w = this.fonts.regular.widthOfTextAtSize(label, BODY_SIZE);
      page.drawText(label, { x: (A4.width - w) / 2, y: A4.height - MARGINS.top / 2 - BODY_SIZE / 2, size: BODY_SIZE, font: this.fonts.regular, color: BLACK });
    });
    // No object streams: plain xref tables keep older printer drivers and PDF readers happy.
    return this.doc.save({ useObjectStreams: false });
  }
}

/** 20000 → "20.000" (Vietnamese thousands separator). */
export function formatThousands(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

