import { ContractError } from '../../electron/contract/errors';
import type { TokenFailure } from './types';

const texts: Record<TokenFailure['code'], (d: Record<string, unknown>) => { vi: string; en: string }> = {
  TOKEN_MODULE_LOAD_FAILED: (d) => ({
    vi: `Không nạp được thư viện PKCS#11 "${String(d.module)}". Hãy cài phần mềm (middleware) của nhà cung cấp chữ ký số hoặc chọn đúng đường dẫn thư viện.`,
    en: `Cannot load the PKCS#11 library "${String(d.module)}". Install the CA's token middleware or choose the right library path.`,
  }),
  TOKEN_NOT_FOUND: () => ({ vi: 'Không tìm thấy USB ký số. Hãy cắm USB token vào máy.', en: 'No signing token found. Plug the USB token in.' }),
  TOKEN_CERT_NOT_FOUND: (d) => ({ vi: `Không tìm thấy chứng thư số (cert-id ${String(d.certId ?? '')}) có khóa bí mật trên USB token.`, en: `No certificate with a private key (cert-id ${String(d.certId ?? '')}) on the token.` }),
  TOKEN_PIN_INCORRECT: (d) => {
    const left = d.triesRemaining;
    return typeof left === 'number'
      ? { vi: `Mã PIN không đúng. Còn ${left} lần thử trước khi USB token bị khóa.`, en: `Incorrect PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before the token locks.` }
      : (d.pin as { countLow?: boolean } | undefined)?.countLow
        ? { vi: 'Mã PIN không đúng. USB token báo chỉ còn ít lần thử — hãy kiểm tra kỹ trước khi nhập lại.', en: 'Incorrect PIN. The token says only a few tries remain — check carefully before trying again.' }
        : { vi: 'Mã PIN không đúng.', en: 'Incorrect PIN.' };
  },
  TOKEN_PIN_FINAL_TRY: () => ({
    vi: 'Đây là lần thử cuối cùng: nếu nhập sai, USB token sẽ bị khóa. Hãy xác nhận lần nữa để tiếp tục.',
    en: 'This is the final try: a wrong PIN locks the token. Confirm again to go on.',
  }),
  TOKEN_PIN_LOCKED: () => ({
    vi: 'USB token đã bị khóa mã PIN. Hãy liên hệ tổ chức cung cấp dịch vụ chứng thực chữ ký số (CA) đã cấp token (ví dụ VNPT-CA, Viettel-CA, BKAV-CA, FPT-CA) hoặc bộ phận quản trị chữ ký số của cơ quan để mở khóa.',
    en: "The token's PIN is locked. Contact the certification authority that issued it (e.g. VNPT-CA, Viettel-CA, BKAV-CA, FPT-CA) or your agency's signing administrator to unblock it.",
  }),
  TOKEN_PIN_INVALID: () => ({ vi: 'Mã PIN không hợp lệ (sai độ dài hoặc ký tự).', en: 'The PIN is not valid (wrong length or characters).' }),
  TOKEN_REMOVED: () => ({ vi: 'USB token đã bị rút ra trong khi đang ký. Không có tệp nào được ghi. Hãy cắm lại và ký lại.', en: 'The token was removed while signing. No file was written. Plug it back in and sign again.' }),
  TOKEN_TIMEOUT: (d) => ({ vi: `USB token không phản hồi sau ${String(d.seconds)} giây. Hãy rút ra, cắm lại và thử lại.`, en: `The token did not answer within ${String(d.seconds)} seconds. Unplug it, plug it back in and try again.` }),
  TOKEN_FAILED: (d) => ({ vi: `USB token báo lỗi ${String(d.ckr ?? d.reason ?? '')}.`, en: `The token reported an error ${String(d.ckr ?? d.reason ?? '')}.` }),
};

/** A worker failure as the product's typed error, in Vietnamese and English. */
export function tokenError(failure: TokenFailure): ContractError {
  const details = { ...failure.details, ...(failure.ckr ? { ckr: failure.ckr } : {}) };
  const text = texts[failure.code](details);
  return new ContractError({ code: failure.code, message_vi: text.vi, message_en: text.en, details });
}
