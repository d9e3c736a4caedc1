import fs from 'node:fs';
import path from 'node:path';
import { usageError } from './output';

/** Reads a JSON document from a file or standard input ('-'); errors name the option. */
export function readJsonInput(source: string, option: string): unknown {
  let text: string;
  try {
    text = source === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(source, 'utf8');
  } catch {
    throw usageError(`${option}: không đọc được tệp "${source}".`, `${option}: cannot read file "${source}".`, { option });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw usageError(`${option}: tệp "${source}" không phải JSON hợp lệ (${(error as Error).message}).`, `${option}: "${source}" is not valid JSON (${(error as Error).message}).`, { option });
  }
}

/** Writes a whole file or nothing: a temporary file in the same folder, renamed into place. */
export function writeFileAtomically(target: string, content: Uint8Array): void {
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir)) throw usageError(`--out: thư mục "${dir}" không tồn tại.`, `--out: folder "${dir}" does not exist.`, { option: '--out' });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.partial`);
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
