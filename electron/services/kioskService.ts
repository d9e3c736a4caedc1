import { ContractError } from '../contract/errors';
import { verifySecret } from './secretHash';
import type { SettingsService } from './settingsService';

/** After this many wrong codes in a row, the exit is refused for `lockMs`: a resident cannot guess it. */
export const maxWrongCodes = 5;
export const lockMs = 5 * 60 * 1000;

/** Leaving kiosk mode needs an official's code; a resident at the kiosk must not be able to. */
export class KioskService {
  private wrongInARow = 0;
  private lockedUntil = 0;

  constructor(
    private readonly settings: SettingsService,
    private readonly now: () => Date,
  ) {}

  async exit(code: string): Promise<{ kioskMode: false }> {
    const hash = this.settings.kioskExitCodeHash();
    if (hash === null) {
      throw new ContractError({
        code: 'KIOSK_CODE_NOT_SET',
        message_vi: 'Chưa đặt mã thoát kiosk. Cán bộ quản trị cần đặt mã trong phần Cài đặt.',
        message_en: 'No kiosk exit code is set. An administrator must set one in Settings.',
      });
    }
    const now = this.now().getTime();
    if (now < this.lockedUntil) {
      const minutes = Math.ceil((this.lockedUntil - now) / 60_000);
      throw new ContractError({
        code: 'KIOSK_CODE_LOCKED',
        message_vi: `Đã nhập sai mã ${maxWrongCodes} lần. Hãy thử lại sau ${minutes} phút.`,
        message_en: `The code was wrong ${maxWrongCodes} times. Try again in ${minutes} minute(s).`,
        details: { retryAfterMs: this.lockedUntil - now },
      });
    }
    if (!(await verifySecret(code, hash))) {
      this.wrongInARow += 1;
      if (this.wrongInARow >= maxWrongCodes) {
        this.wrongInARow = 0;
        this.lockedUntil = now + lockMs;
      }
      throw new ContractError({
        code: 'KIOSK_CODE_INCORRECT',
        message_vi: 'Mã thoát kiosk không đúng.',
        message_en: 'The kiosk exit code is incorrect.',
        details: { field: 'code' },
      });
    }
    this.wrongInARow = 0;
    this.settings.leaveKioskMode();
    return { kioskMode: false };
  }
}
