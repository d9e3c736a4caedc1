/** Measurements taken on a small gray copy of a page (≈75 dpi), scaled back by the caller. */

export function percentile(gray: Uint8Array, fraction: number): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < gray.length; i += 1) histogram[gray[i]!]! += 1;
  const target = gray.length * fraction;
  let seen = 0;
  for (let v = 0; v < 256; v += 1) {
    seen += histogram[v]!;
    if (seen >= target) return v;
  }
  return 255;
}

/**
 * The paper's box when the scan shows a dark background around it (feeders and open lids do);
 * null when the edges are already paper. A flatbed with a white lid cannot be cropped this way.
 */
export function paperBox(gray: Uint8Array, width: number, height: number): { left: number; top: number; width: number; height: number } | null {
  const rowMean = (y: number) => {
    let s = 0;
    for (let x = 0; x < width; x += 1) s += gray[y * width + x]!;
    return s / width;
  };
  const colMean = (x: number) => {
    let s = 0;
    for (let y = 0; y < height; y += 1) s += gray[y * width + x]!;
    return s / height;
  };
  const edges = [rowMean(0), rowMean(height - 1), colMean(0), colMean(width - 1)];
  if (Math.min(...edges) >= 80) return null;
  const bright = (mean: number) => mean >= 128;
  let top = 0;
  while (top < height && !bright(rowMean(top))) top += 1;
  let bottom = height - 1;
  while (bottom > top && !bright(rowMean(bottom))) bottom -= 1;
  let left = 0;
  while (left < width && !bright(colMean(left))) left += 1;
  let right = width - 1;
  while (right > left && !bright(colMean(right))) right -= 1;
  const box = { left, top, width: right - left + 1, height: bottom - top + 1 };
  // A box that small is a dark page (a photo, a black test page), not paper on a dark bed.
  return box.width < width * 0.3 || box.height < height * 0.3 ? null : box;
}

/**
 * A page with almost no ink inside its margins. NAPS2 does the same by coverage; we flag it for
 * the person to decide and never drop it, because a faint stamp is still a page.
 */
export function isBlank(gray: Uint8Array, width: number, height: number): boolean {
  const paper = percentile(gray, 0.5);
  if (paper < 60) return false; // a dark page is not a blank one
  const inkBelow = paper * 0.7;
  const mx = Math.floor(width * 0.05);
  const my = Math.floor(height * 0.05);
  let ink = 0;
  let total = 0;
  for (let y = my; y < height - my; y += 1) {
    for (let x = mx; x < width - mx; x += 1) {
      total += 1;
      if (gray[y * width + x]! < inkBelow) ink += 1;
    }
  }
  return total === 0 || ink / total < 0.002;
}
