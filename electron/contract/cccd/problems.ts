import { cccdFieldLabels, type CccdFieldName } from './fields';

/** Why a QR text was refused: the field at fault and what was expected, in both languages. */
export interface CccdParseError {
  field: CccdFieldName | 'text';
  /** Stable machine name of the problem (tests and callers branch on it, never on the text). */
  problem:
    | 'empty'
    | 'not-a-cccd-qr'
    | 'missing'
    | 'not-digits'
    | 'length'
    | 'place'
    | 'future-year'
    | 'bad-date'
    | 'future-date'
    | 'before-birth'
    | 'unknown-sex'
    | 'sex-mismatch'
    | 'year-mismatch'
    | 'bad-name'
    | 'too-long';
  message_vi: string;
  message_en: string;
}

const expected: Record<CccdParseError['problem'], { vi: string; en: string }> = {
  empty: { vi: 'mã QR trống', en: 'the QR code is empty' },
  'not-a-cccd-qr': { vi: 'không phải mã QR của thẻ căn cước (cần các trường ngăn bởi dấu |)', en: 'not a citizen ID card QR code (fields separated by | expected)' },
  missing: { vi: 'thiếu trường này', en: 'this field is missing' },
  'not-digits': { vi: 'chỉ được gồm chữ số', en: 'digits only are expected' },
  length: { vi: 'độ dài không đúng (CCCD 12 chữ số, CMND 9 hoặc 12 chữ số)', en: 'wrong length (CCCD 12 digits, CMND 9 or 12 digits)' },
  place: { vi: 'ba số đầu không phải mã tỉnh nơi đăng ký khai sinh (63 tỉnh trước 2025)', en: 'the first three digits are not a province code of birth registration (63 pre-2025 provinces)' },
  'future-year': { vi: 'năm sinh mã hóa trong số nằm ở tương lai', en: 'the birth year encoded in the number is in the future' },
  'bad-date': { vi: 'cần một ngày có thật, viết liền ngày-tháng-năm 8 chữ số (ví dụ 05091990)', en: 'a real date written DDMMYYYY (e.g. 05091990) is expected' },
  'future-date': { vi: 'ngày nằm ở tương lai', en: 'the date is in the future' },
  'before-birth': { vi: 'ngày cấp trước ngày sinh', en: 'the date of issue is before the date of birth' },
  'unknown-sex': { vi: 'cần "Nam" hoặc "Nữ"', en: '"Nam" (male) or "Nữ" (female) is expected' },
  'sex-mismatch': { vi: 'không khớp với chữ số giới tính trong số CCCD', en: 'does not match the sex digit of the ID number' },
  'year-mismatch': { vi: 'năm sinh không khớp với số CCCD', en: 'the birth year does not match the ID number' },
  'bad-name': { vi: 'cần họ tên bằng chữ, không có chữ số', en: 'a name in letters, without digits, is expected' },
  'too-long': { vi: 'quá dài', en: 'too long' },
};

export function cccdError(field: CccdParseError['field'], problem: CccdParseError['problem']): CccdParseError {
  const label = cccdFieldLabels[field];
  const why = expected[problem];
  return {
    field,
    problem,
    message_vi: `${label.vi}: ${why.vi}.`,
    message_en: `${label.en}: ${why.en}.`,
  };
}
