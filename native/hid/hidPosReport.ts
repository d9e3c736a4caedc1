/**
 * The "scanned data" input report of a HID POS barcode reader (HID Point of Sale Usage Tables,
 * usage page 0x8C; layout as Honeywell, Zebra and Datalogic readers send it in HID POS mode):
 *
 *   byte 0       report id 0x02
 *   byte 1       number of data bytes in this report (0–56)
 *   bytes 2–4    AIM symbology identifier (`]Q1` for a QR code)
 *   bytes 5–60   data (56 bytes; the unused tail is padding)
 *   byte 61–62   vendor symbology id, reserved
 *   byte 63      bit 0: more data follows in the next report
 *
 * A QR code longer than 56 bytes (every CCCD: ~100–140 bytes) comes as several reports; the
 * assembler joins them and decodes the bytes as UTF-8 (the card writes Vietnamese names).
 */
export const hidPosUsagePage = 0x8c;
export const scannedDataReportId = 0x02;
const dataOffset = 5;
const maxDataBytes = 56;
const flagsOffset = 63;

export interface ScannedDataReport {
  aim: string;
  data: Uint8Array;
  more: boolean;
}

/** One report's parts, or null when it is not a scanned-data report (other report ids, short reads). */
export function decodeScannedDataReport(report: Uint8Array): ScannedDataReport | null {
  if (report.length < dataOffset || report[0] !== scannedDataReportId) return null;
  const length = Math.min(report[1] ?? 0, maxDataBytes, report.length - dataOffset);
  const aim = String.fromCharCode(report[2] ?? 0, report[3] ?? 0, report[4] ?? 0);
  const more = report.length > flagsOffset && ((report[flagsOffset] ?? 0) & 0x01) === 1;
  return { aim, data: report.slice(dataOffset, dataOffset + length), more };
}

/** Joins the reports of one scan; `push` returns the scan's text once its last report arrived. */
export class ScanAssembler {
  private chunks: Uint8Array[] = [];
  private readonly decoder = new TextDecoder('utf-8');

  push(report: Uint8Array): { text: string; aim: string } | null {
    const decoded = decodeScannedDataReport(report);
    if (!decoded) return null;
    this.chunks.push(decoded.data);
    if (decoded.more) return null;
    const bytes = Buffer.concat(this.chunks);
    this.chunks = [];
    return { text: this.decoder.decode(bytes), aim: decoded.aim };
  }

  /** Forget a half-received scan (the reader went away mid-scan). */
  reset(): void {
    this.chunks = [];
  }
}

/** The reports a reader sends for `text` (fixtures and tests: the inverse of the assembler). */
export function encodeScannedDataReports(text: string, aim = ']Q1'): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const reports: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length || reports.length === 0; offset += maxDataBytes) {
    const chunk = bytes.slice(offset, offset + maxDataBytes);
    const report = new Uint8Array(64);
    report[0] = scannedDataReportId;
    report[1] = chunk.length;
    for (let i = 0; i < 3; i++) report[2 + i] = aim.charCodeAt(i);
    report.set(chunk, dataOffset);
    report[flagsOffset] = offset + maxDataBytes < bytes.length ? 1 : 0;
    reports.push(report);
  }
  return reports;
}
