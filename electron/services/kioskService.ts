import { ContractError } from '../contract/errors';
import { verifySecret } from './secretHash';
import type { SettingsService } from './settingsService';

/** Leaving kiosk mode needs an official's code; a resident at the kiosk must not be able to. */
export class KioskService {
  constructor(private readonly settings: SettingsService) {}

  async exit(code: string): Promise<{ kioskMode: false }> {
    const hash = this.settings.kioskExitCodeHash();
    if (hash === null) {
      throw new ContractError({
        code: 'KIOSK_CODE_NOT_SET',
        message_vi: 'Chưa đặt mã thoát kiosk. Cán bộ quản trị cần đặt mã trong phần Cài đặt.',
        message_en: 'No kiosk exit code is set. An administrator must set one in Settings.',
      });
    }
    if (!(await verifySecret(code, hash))) {
      throw new ContractError({
        code: 'KIOSK_CODE_INCORRECT',
        message_vi: 'Mã thoát kiosk không đúng.',
        message_en: 'The kiosk exit code is incorrect.',
        details: { field: 'code' },
      });
    }
    this.settings.leaveKioskMode();
    return { kioskMode: false };
  }
}
