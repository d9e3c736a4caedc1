import type { Sharp } from 'sharp';

/**
 * Starting qualities: text in gray or bw on whitened paper stays sharp at 64 (edges are all there
 * is), photos and colour stamps need more.
 */
const qualities = { color: [82, 72, 62, 52, 42, 32], text: [64, 56, 48, 40, 32, 26] };

/**
 * Encodes at the best quality that fits the byte budget; when even the lowest quality is too big,
 * scales down by steps (and says so through `scale`, so the PDF keeps the page's true size).
 */
export async function jpegWithinBudget(
  source: () => Sharp,
  widthPx: number,
  budgetBytes: number,
  kind: 'color' | 'text' = 'color',
): Promise<{ jpeg: Buffer; quality: number; scale: number; width: number; height: number }> {
  let last: { jpeg: Buffer; quality: number; scale: number; width: number; height: number } | null = null;
  for (const scale of [1, 0.75, 0.5, 0.35]) {
    for (const quality of qualities[kind]) {
      const pipeline = scale === 1 ? source() : source().resize({ width: Math.round(widthPx * scale) });
      const { data, info } = await pipeline.jpeg({ quality, mozjpeg: true }).toBuffer({ resolveWithObject: true });
      last = { jpeg: data, quality, scale, width: info.width, height: info.height };
      if (data.byteLength <= budgetBytes) return last;
    }
  }
  return last!;
}
