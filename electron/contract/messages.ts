/**
 * Bilingual texts for custom validation messages in contract schemas. A schema refers to one
 * as `msg('key')`; the router expands the key into both languages, the renderer into its own.
 */
export const validationMessages = {
  agencyCodeFormat: {
    vi: 'Mã cơ quan phải có dạng 000.00.01.H22 (ba số, hai số, hai số, một chữ in hoa và hai số).',
    en: 'Agency code must look like 000.00.01.H22 (three digits, two digits, two digits, a capital letter and two digits).',
  },
  kioskCodeFormat: {
    vi: 'Mã thoát kiosk phải gồm 6 đến 12 chữ số.',
    en: 'Kiosk exit code must be 6 to 12 digits.',
  },
  kioskNeedsCode: {
    vi: 'Hãy đặt mã thoát kiosk trước khi bật chế độ kiosk.',
    en: 'Set a kiosk exit code before turning kiosk mode on.',
  },
  usernameFormat: {
    vi: 'Tên đăng nhập gồm 3–32 ký tự a–z, 0–9, dấu chấm, gạch dưới hoặc gạch ngang, bắt đầu bằng một chữ cái.',
    en: 'The username must be 3–32 characters of a–z, 0–9, dot, underscore or hyphen, starting with a letter.',
  },
  pinFormat: {
    vi: 'Mã PIN phải gồm 6 đến 12 chữ số.',
    en: 'The PIN must be 6 to 12 digits.',
  },
  idNumberFormat: {
    vi: 'Số CCCD phải gồm đúng 12 chữ số.',
    en: 'The CCCD number must be exactly 12 digits.',
  },
  displayNameRequired: {
    vi: 'Hãy nhập họ và tên của cán bộ.',
    en: "Enter the official's full name.",
  },
  firstAccountSupervisor: {
    vi: 'Tài khoản đầu tiên phải là cán bộ quản trị.',
    en: 'The first account must be a supervisor.',
  },
  idleWarningRange: {
    vi: 'Thời gian nhắc phải là số giây từ 30 đến 600.',
    en: 'The warning time must be a whole number of seconds from 30 to 600.',
  },
  idleWipeRange: {
    vi: 'Thời gian xóa phiên phải là số giây từ 60 đến 1800.',
    en: 'The wipe time must be a whole number of seconds from 60 to 1800.',
  },
  idleWipeAfterWarning: {
    vi: 'Thời gian xóa phiên kiosk phải dài hơn thời gian cảnh báo.',
    en: 'The kiosk wipe time must be longer than the warning time.',
  },
  retentionDaysRange: {
    vi: 'Số ngày lưu phải là số nguyên từ 1 đến 3650.',
    en: 'The retention period must be a whole number of days from 1 to 3650.',
  },
  gatewayUrlFormat: {
    vi: 'Địa chỉ hệ thống tiếp nhận phải bắt đầu bằng https:// (ví dụ: https://lgsp.example.vn/motcua); http:// chỉ được dùng cho chính máy này (127.0.0.1, localhost).',
    en: 'The receiving system address must start with https:// (for example: https://lgsp.example.vn/motcua); http:// only for this machine itself (127.0.0.1, localhost).',
  },
  nameRequired: {
    vi: 'Hãy nhập tên đơn vị (ví dụ: UBND xã Tân Phú).',
    en: 'Enter the unit name (for example: UBND xã Tân Phú).',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ValidationMessageKey = keyof typeof validationMessages;

const prefix = 'msg:';

/** Schema-level error text that stands for a bilingual message. */
export function msg(key: ValidationMessageKey): string {
  return prefix + key;
}

/** Expands `msg:key` texts; any other text is returned unchanged. */
export function expandMessage(text: string, lang: 'vi' | 'en'): string {
  if (!text.startsWith(prefix)) return text;
  const entry = validationMessages[text.slice(prefix.length) as ValidationMessageKey] as { vi: string; en: string } | undefined;
  return entry ? entry[lang] : text;
}
