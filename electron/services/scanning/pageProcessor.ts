import sharp, { type Sharp } from 'sharp';
import { estimateSkewDegrees } from './deskew';
import { jpegWithinBudget } from './jpegBudget';
import { isBlank, paperBox, percentile } from './pageAnalysis';

export type PageMode = 'color' | 'gray' | 'bw';

export interface PageOptions {
  mode: PageMode;
  /** The resolution the page was scanned at (dpi). */
  dpi: number;
  /** Quarter turns clockwise asked for by the person (0, 90, 180, 270). */
  rotate?: 0 | 90 | 180 | 270;
  /** Per-page JPEG budget; default 1 MB. */
  budgetBytes?: number;
}

export interface ProcessedPage {
  jpeg: Buffer;
  widthPx: number;
  heightPx: number;
  /** The JPEG's real resolution (lower than the scan's when the budget forced a downscale). */
  dpi: number;
  blank: boolean;
  skewDegrees: number;
  quality: number;
}

export const defaultPageBudget = 1024 * 1024;
const analysisDpi = 75;

/**
 * One scanned page → a clean JPEG: orientation (EXIF, then the person's quarter turns), crop to
 * the paper, deskew, blank detection, gray or black-and-white levels for text, JPEG to a budget.
 */
export async function processPage(input: Buffer, options: PageOptions): Promise<ProcessedPage> {
  const channels = options.mode === 'color' ? 3 : 1;
  const base = sharp(input, { limitInputPixels: 20_000 * 20_000 }).autoOrient().rotate(options.rotate ?? 0);
  const oriented = await (channels === 1 ? base.grayscale() : base.removeAlpha().toColourspace('srgb')).raw().toBuffer({ resolveWithObject: true });
  const raw = { width: oriented.info.width, height: oriented.info.height, channels: oriented.info.channels };
  const scale = Math.min(1, analysisDpi / options.dpi);
  const small = await sharp(oriented.data, { raw })
    .resize({ width: Math.max(1, Math.round(raw.width * scale)) })
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const sw = small.info.width;
  const sh = small.info.height;
  const gray = new Uint8Array(small.data.buffer, small.data.byteOffset, small.data.byteLength);
  const factor = raw.width / sw;

  const box = paperBox(gray, sw, sh);
  const crop = box
    ? {
        left: Math.floor(box.left * factor),
        top: Math.floor(box.top * factor),
        width: Math.min(raw.width - Math.floor(box.left * factor), Math.ceil(box.width * factor)),
        height: Math.min(raw.height - Math.floor(box.top * factor), Math.ceil(box.height * factor)),
      }
    : { left: 0, top: 0, width: raw.width, height: raw.height };
  const analysed = box ? cropGray(gray, sw, box) : { gray, width: sw, height: sh };
  const paper = percentile(analysed.gray, 0.5);
  const skewDegrees = estimateSkewDegrees(analysed.gray, analysed.width, analysed.height, { darkBelow: Math.max(40, paper * 0.6) });
  const blank = isBlank(analysed.gray, analysed.width, analysed.height);

  // sharp turns one-channel raw input into sRGB unless told otherwise, hence toColourspace everywhere.
  const space = channels === 1 ? 'b-w' : 'srgb';
  let straight = await sharp(oriented.data, { raw }).extract(crop).toColourspace(space).raw().toBuffer({ resolveWithObject: true });
  // Below a quarter degree nobody sees the skew, and rotating costs a resample (softer text).
  if (Math.abs(skewDegrees) >= 0.25) {
    const rotated = await sharp(straight.data, { raw: { width: crop.width, height: crop.height, channels: raw.channels } })
      .rotate(-skewDegrees, { background: '#ffffff' })
      .toColourspace(space)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const left = Math.floor((rotated.info.width - crop.width) / 2);
    const top = Math.floor((rotated.info.height - crop.height) / 2);
    straight = await sharp(rotated.data, { raw: { width: rotated.info.width, height: rotated.info.height, channels: rotated.info.channels } })
      .extract({ left, top, width: crop.width, height: crop.height })
      .toColourspace(space)
      .raw()
      .toBuffer({ resolveWithObject: true });
  }
  const straightRaw = { width: straight.info.width, height: straight.info.height, channels: straight.info.channels };
  const source = () => levels(sharp(straight.data, { raw: straightRaw }), options.mode, analysed.gray);
  const encoded = await jpegWithinBudget(source, straightRaw.width, options.budgetBytes ?? defaultPageBudget, options.mode === 'color' ? 'color' : 'text');
  return { jpeg: encoded.jpeg, widthPx: encoded.width, heightPx: encoded.height, dpi: options.dpi * encoded.scale, blank, skewDegrees, quality: encoded.quality };
}

/**
 * Text pages: paper goes to pure white and ink to black, so the JPEG spends no bytes on paper
 * grain (the main reason a 300 dpi gray page fits in 300 KB). bw thresholds halfway between.
 */
function levels(image: Sharp, mode: PageMode, gray: Uint8Array): Sharp {
  if (mode === 'color') return image;
  const white = Math.max(96, Math.round(percentile(gray, 0.5) * 0.9));
  const black = Math.min(white - 32, percentile(gray, 0.01));
  const a = 255 / (white - black);
  const stretched = image.linear(a, -black * a);
  return mode === 'bw' ? stretched.threshold(128) : stretched;
}

function cropGray(gray: Uint8Array, width: number, box: { left: number; top: number; width: number; height: number }) {
  const out = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y += 1) out.set(gray.subarray((box.top + y) * width + box.left, (box.top + y) * width + box.left + box.width), y * box.width);
  return { gray: out, width: box.width, height: box.height };
}
