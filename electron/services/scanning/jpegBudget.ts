import type { Sharp } from 'sharp';

/**
 * Qualities tried, best first: text in gray or bw on whitened paper stays sharp at 64 (edges are
 * all there is), photos and colour stamps need more.
 */
const qualities = { color: [82, 72, 62, 52, 42, 32], text: [64, 56, 48, 40, 32, 26] };

export interface BudgetedJpeg {
  jpeg: Buffer;
  quality: number;
  /** 1 when the full resolution fitted; below 1 when the page had to be scaled down. */
  scale: number;
  width: number;
  height: number;
}

/**
 * The best quality that fits the byte budget, found by bisection (each encode of a 300 dpi page
 * costs ~100 ms); when even the lowest quality is too big, the page is scaled down by the square
 * root of the overshoot (bytes follow area) and the caller keeps its true size through `scale`.
 */
export async function jpegWithinBudget(source: () => Sharp, widthPx: number, budgetBytes: number, kind: 'color' | 'text' = 'color'): Promise<BudgetedJpeg> {
  const list = qualities[kind];
  const encode = async (quality: number, scale: number): Promise<BudgetedJpeg> => {
    const pipeline = scale === 1 ? source() : source().resize({ width: Math.max(16, Math.round(widthPx * scale)) });
    const { data, info } = await pipeline.jpeg({ quality, mozjpeg: true }).toBuffer({ resolveWithObject: true });
    return { jpeg: data, quality, scale, width: info.width, height: info.height };
  };
  const best = await encode(list[0]!, 1);
  if (best.jpeg.byteLength <= budgetBytes) return best;
  let low = 1;
  let high = list.length - 1;
  let fitting: BudgetedJpeg | null = null;
  let lowest: BudgetedJpeg | null = null;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const attempt = await encode(list[mid]!, 1);
    if (mid === list.length - 1) lowest = attempt;
    if (attempt.jpeg.byteLength <= budgetBytes) {
      fitting = attempt;
      high = mid - 1;
    } else low = mid + 1;
  }
  if (fitting) return fitting;
  lowest ??= await encode(list.at(-1)!, 1);
  const quality = list[Math.floor(list.length / 2)]!;
  let scale = Math.min(0.95, Math.sqrt(budgetBytes / lowest.jpeg.byteLength) * 0.9);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const scaled = await encode(quality, scale);
    if (scaled.jpeg.byteLength <= budgetBytes) return scaled;
    scale *= 0.8;
  }
  return encode(list.at(-1)!, scale);
}
