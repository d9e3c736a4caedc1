import { ContractError, type ErrorCode } from '../../contract/errors';
import type { ScannerError, ScannerErrorKind } from '../../../native/scanner/index';

/** Stable codes (CLI.md): the first five are the contract's; the others complete the set. */
export const scannerErrorCodes: Record<ScannerErrorKind, ErrorCode> = {
  jammed: 'SCANNER_JAMMED',
  coverOpen: 'SCANNER_COVER_OPEN',
  noDocuments: 'SCANNER_NO_DOCUMENTS',
  busy: 'SCANNER_BUSY',
  notFound: 'SCANNER_NOT_FOUND',
  io: 'SCANNER_IO_ERROR',
  cancelled: 'SCANNER_CANCELLED',
  unsupported: 'SCANNER_UNSUPPORTED',
};

/** Plain words for someone who has never scanned: what happened, then what to do. */
const messages: Record<ScannerErrorKind, { vi: string; en: string }> = {
  jammed: {
    vi: 'Giấy bị kẹt trong khay nạp — mở nắp, lấy giấy ra, bấm Quét tiếp.',
    en: 'Paper is jammed in the feeder — open the cover, take the paper out, press Continue scanning.',
  },
  coverOpen: {
    vi: 'Nắp máy quét đang mở — đóng nắp lại rồi bấm Quét tiếp.',
    en: 'The scanner cover is open — close it, then press Continue scanning.',
  },
  noDocuments: {
    vi: 'Khay nạp không có giấy — đặt giấy vào khay, mặt cần quét úp xuống, rồi bấm Quét.',
    en: 'The feeder has no paper — put the pages in the tray, face down, then press Scan.',
  },
  busy: {
    vi: 'Máy quét đang bận với việc khác — đợi một lát rồi bấm Quét lại.',
    en: 'The scanner is busy with another job — wait a moment, then press Scan again.',
  },
  notFound: {
    vi: 'Không tìm thấy máy quét — kiểm tra dây cắm và nguồn điện của máy quét, rồi thử lại.',
    en: 'The scanner was not found — check its cable and power, then try again.',
  },
  io: {
    vi: 'Máy quét báo lỗi khi truyền dữ liệu — tắt máy quét, bật lại, rồi bấm Quét lại.',
    en: 'The scanner reported a transfer error — switch it off and on, then press Scan again.',
  },
  cancelled: {
    vi: 'Đã dừng quét. Các trang đã quét vẫn được giữ lại.',
    en: 'Scanning was stopped. The pages already scanned are kept.',
  },
  unsupported: {
    vi: 'Máy quét này không hỗ trợ cách quét đã chọn — chọn mặt kính hoặc khay nạp khác.',
    en: 'This scanner does not support the chosen way of scanning — choose the glass or the feeder instead.',
  },
};

export function scannerContractError(error: ScannerError): ContractError {
  const text = messages[error.kind];
  return new ContractError({
    code: scannerErrorCodes[error.kind],
    message_vi: text.vi,
    message_en: text.en,
    // The device's own words help a technician; they carry no personal data.
    details: { kind: error.kind, device: error.deviceMessage, pagesDelivered: error.pagesDelivered },
  });
}
