/**
 * Skew estimation by projection profile: rotate the dark pixels' coordinates by candidate angles
 * and keep the angle whose row histogram is "peakiest" (largest sum of squares), i.e. where text
 * lines fall into the fewest rows. Hand-written because sharp/libvips has no deskew and the
 * alternatives (OpenCV, Leptonica bindings) are heavy native modules for a 60-line job. Runs on a
 * ~75 dpi analysis image with at most `maxPoints` points, so it costs a few milliseconds.
 */
export function estimateSkewDegrees(gray: Uint8Array, width: number, height: number, options: { darkBelow?: number; maxDegrees?: number; maxPoints?: number } = {}): number {
  const darkBelow = options.darkBelow ?? 128;
  const maxDegrees = options.maxDegrees ?? 5;
  const maxPoints = options.maxPoints ?? 40_000;
  let darkCount = 0;
  for (let i = 0; i < gray.length; i += 1) if (gray[i]! < darkBelow) darkCount += 1;
  // Too little ink (blank page) or too much (a photo, a dark page): no meaningful lines to align.
  if (darkCount < 50 || darkCount > gray.length * 0.5) return 0;
  const stride = Math.max(1, Math.ceil(darkCount / maxPoints));
  const xs: number[] = [];
  const ys: number[] = [];
  let seen = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (gray[y * width + x]! < darkBelow && seen++ % stride === 0) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  const bins = new Float64Array(height + width + 2);
  const score = (degrees: number): number => {
    const t = (degrees * Math.PI) / 180;
    const sin = Math.sin(t);
    const cos = Math.cos(t);
    bins.fill(0);
    for (let i = 0; i < xs.length; i += 1) bins[Math.round(ys[i]! * cos - xs[i]! * sin) + width]! += 1;
    let sum = 0;
    for (let i = 0; i < bins.length; i += 1) sum += bins[i]! * bins[i]!;
    return sum;
  };
  const search = (from: number, to: number, step: number): number => {
    let best = 0;
    let bestScore = -1;
    for (let a = from; a <= to + 1e-9; a += step) {
      const s = score(a);
      if (s > bestScore) {
        bestScore = s;
        best = a;
      }
    }
    return best;
  };
  const coarse = search(-maxDegrees, maxDegrees, 0.5);
  const fine = search(coarse - 0.5, coarse + 0.5, 0.05);
  return Math.round(fine * 100) / 100;
}
