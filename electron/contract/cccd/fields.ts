/**
 * The fields of a citizen ID card's QR code (DOMAIN "Codes and formats"), in the order the card
 * writes them: `CCCD|old CMND|Full name|DDMMYYYY birth|Giới tính|Permanent address|DDMMYYYY issue`.
 * The names are those of `motcua cccd parse` (shared/CLI.md) and of `cccdField` in definitions.
 */
export const cccdFieldNames = ['idNumber', 'oldIdNumber', 'fullName', 'dateOfBirth', 'sex', 'address', 'issueDate'] as const;
export type CccdFieldName = (typeof cccdFieldNames)[number];

/** What a card's QR code says, checked and NFC. Dates `YYYY-MM-DD`; absent optional fields null. */
export interface CccdData {
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  /** The permanent address as printed on the card (old units: districts, pre-2025 provinces). */
  address: string | null;
  issueDate: string | null;
}

/** How each field is named to a person, in both languages. */
export const cccdFieldLabels: Record<CccdFieldName | 'text', { vi: string; en: string }> = {
  text: { vi: 'Nội dung mã QR', en: 'QR text' },
  idNumber: { vi: 'Số định danh cá nhân (CCCD)', en: 'ID number (CCCD)' },
  oldIdNumber: { vi: 'Số CMND cũ', en: 'Old ID number (CMND)' },
  fullName: { vi: 'Họ, chữ đệm và tên', en: 'Full name' },
  dateOfBirth: { vi: 'Ngày sinh', en: 'Date of birth' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  address: { vi: 'Nơi thường trú', en: 'Permanent address' },
  issueDate: { vi: 'Ngày cấp', en: 'Date of issue' },
};
