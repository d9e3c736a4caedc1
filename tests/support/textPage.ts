import sharp from 'sharp';

const lines = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'GIẤY CHỨNG SINH',
  'Họ và tên mẹ: Nguyễn Thị Lan     Năm sinh: 1994',
  'Nơi đăng ký thường trú: Xã Tân Phú, huyện Đồng Phú, tỉnh Bình Phước',
  'Số CCCD: 070194000123     Dân tộc: Kinh',
  'Đã sinh con vào lúc: 08 giờ 30 phút, ngày 12 tháng 10 năm 2026',
  'Tại: Trạm Y tế xã Tân Phú     Số con trong lần sinh: 01',
  'Giới tính của con: Nam     Cân nặng: 3.200 gam',
  'Dự định đặt tên con là: Nguyễn Minh Khôi',
];

/**
 * A synthetic A4 text page like a scanned paper form: black serif text on off-white paper with
 * scanner noise, optionally rotated by a small angle (a skewed sheet) and at any resolution.
 */
export async function textPage(options: { dpi: number; skewDegrees?: number; darkBorder?: boolean; format?: 'png' | 'tiff' }): Promise<Buffer> {
  const { dpi } = options;
  const width = Math.round((210 / 25.4) * dpi);
  const height = Math.round((297 / 25.4) * dpi);
  const size = (12 / 72) * dpi; // 12 pt
  const rows: string[] = [];
  for (let i = 0; i < 36; i += 1) {
    const text = lines[i % lines.length]!;
    rows.push(`<text x="${dpi}" y="${dpi + i * size * 1.6}" font-family="Liberation Serif" font-size="${size}" fill="#141414">${text}</text>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#ecebe6"/>${rows.join('')}</svg>`;
  let page = await sharp(Buffer.from(svg)).grayscale().raw().toBuffer({ resolveWithObject: true });
  // Scanner noise: a deterministic ±6 grey-level dither, the grain JPEG would otherwise spend bytes on.
  let seed = 7;
  for (let i = 0; i < page.data.length; i += 1) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    page.data[i] = Math.max(0, Math.min(255, page.data[i]! + ((seed >> 16) % 13) - 6));
  }
  const raw = { width: page.info.width, height: page.info.height, channels: 1 as const };
  if (options.skewDegrees) {
    const rotated = await sharp(page.data, { raw }).rotate(options.skewDegrees, { background: '#ecebe6' }).grayscale().raw().toBuffer({ resolveWithObject: true });
    page = await sharp(rotated.data, { raw: { width: rotated.info.width, height: rotated.info.height, channels: rotated.info.channels } })
      .extract({ left: Math.floor((rotated.info.width - width) / 2), top: Math.floor((rotated.info.height - height) / 2), width, height })
      .grayscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
  }
  let image = sharp(page.data, { raw });
  if (options.darkBorder) {
    const border = Math.round(dpi / 4);
    image = sharp(await image.png().toBuffer()).extend({ top: border, bottom: border, left: border, right: border, background: '#101010' });
  }
  return options.format === 'tiff' ? image.tiff().toBuffer() : image.png().toBuffer();
}
