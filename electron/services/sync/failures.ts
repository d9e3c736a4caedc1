import type { SyncFailure } from '../../contract/sync';

/** A failed step of sending, classified: `offline` and `temporary` are retried, `permanent` waits for a person. */
export class SyncError extends Error {
  constructor(
    readonly kind: 'offline' | 'temporary' | 'permanent',
    readonly failure: SyncFailure,
  ) {
    super(failure.message_en);
    this.name = 'SyncError';
  }
}

const AUTO_VI = 'Không cần làm gì: máy tự gửi lại khi kết nối ổn định.';
const AUTO_EN = 'Nothing to do: the machine sends it again by itself when the link is stable.';

export function offline(detail: string): SyncError {
  return new SyncError('offline', {
    code: 'LINK_DOWN',
    permanent: false,
    message_vi: `Không kết nối được tới hệ thống tiếp nhận (${detail}).`,
    message_en: `The receiving system cannot be reached (${detail}).`,
    action_vi: `${AUTO_VI} Nếu mất mạng lâu, có thể chuyển hồ sơ bằng USB (motcua sync export).`,
    action_en: `${AUTO_EN} If the link stays down, the queue can travel by USB drive (motcua sync export).`,
  });
}

export function notTheReceiver(status: number): SyncError {
  return new SyncError('offline', {
    code: 'NOT_THE_RECEIVER',
    permanent: false,
    message_vi: `Máy nhận được một trang khác (mã ${status}), không phải hệ thống tiếp nhận: có thể mạng đang yêu cầu đăng nhập (Wi-Fi công cộng) hoặc qua máy chủ trung gian.`,
    message_en: `Something other than the receiving system answered (HTTP ${status}): a captive portal (Wi-Fi login) or a proxy.`,
    action_vi: 'Kiểm tra kết nối mạng (đăng nhập Wi-Fi nếu cần); máy tự gửi lại khi kết nối đúng.',
    action_en: 'Check the network (log in to the Wi-Fi if asked); the machine sends again once the real receiver answers.',
  });
}

export function temporary(code: string, detail_vi: string, detail_en: string): SyncError {
  return new SyncError('temporary', { code, permanent: false, message_vi: detail_vi, message_en: detail_en, action_vi: AUTO_VI, action_en: AUTO_EN });
}

/** The receiver's own words for a refusal, with what the official should do about it. */
export function permanent(code: string, receiverVi: string, receiverEn: string): SyncError {
  const actions: Record<string, [string, string]> = {
    CONFLICT: [
      'Hệ thống tiếp nhận đã có hồ sơ cùng mã định danh nhưng nội dung khác. Không gửi lại: báo bộ phận quản trị để đối chiếu hai bản.',
      'The receiver already holds this id with different content. Do not resend: ask the administrators to compare the two.',
    ],
    PROCEDURE_NOT_ACCEPTED: [
      'Kiểm tra với bộ phận quản trị mã thủ tục và cơ quan tiếp nhận trong danh mục; khi đã sửa, bấm "Gửi lại". Có thể hướng dẫn người dân nộp trực tiếp.',
      'Check the procedure code and receiving agency with the administrators; once fixed, press "Retry now". The resident may also submit in person.',
    ],
    PROTOCOL_UNSUPPORTED: ['Cần cập nhật phần mềm: hệ thống tiếp nhận không hiểu phiên bản này. Gọi hỗ trợ kỹ thuật.', 'The software needs an update: the receiver does not speak this version. Call technical support.'],
  };
  const [action_vi, action_en] = actions[code] ?? [
    'Đọc lý do, sửa hồ sơ hoặc cấu hình nếu cần, rồi bấm "Gửi lại". Nếu chưa rõ, gọi hỗ trợ kỹ thuật.',
    'Read the reason, fix the dossier or the configuration if needed, then press "Retry now". If unclear, call technical support.',
  ];
  return new SyncError('permanent', {
    code,
    permanent: true,
    message_vi: `Hệ thống tiếp nhận từ chối hồ sơ: ${receiverVi}`,
    message_en: `The receiving system refused the dossier: ${receiverEn}`,
    action_vi,
    action_en,
  });
}
