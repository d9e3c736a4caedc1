import { usageError } from './output';

/** `--hid-readers 0c2e:0b8f,05e0:1200` (USB vendor:product ids in hex; '' = none) → the setting. */
export function parseHidReaders(text: string): { vendorId: number; productId: number }[] {
  if (text.trim() === '') return [];
  return text.split(',').map((pair) => {
    const m = /^\s*([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\s*$/.exec(pair);
    if (!m) {
      throw usageError(
        `--hid-readers: "${pair}" không đúng dạng VID:PID (4 chữ số hex mỗi phần, ví dụ 0c2e:0b8f), ngăn cách bằng dấu phẩy.`,
        `--hid-readers: "${pair}" is not VID:PID (4 hex digits each, e.g. 0c2e:0b8f), comma-separated.`,
        { option: '--hid-readers' },
      );
    }
    return { vendorId: Number.parseInt(m[1]!, 16), productId: Number.parseInt(m[2]!, 16) };
  });
}
