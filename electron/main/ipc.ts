import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels } from '../contract/channels';
import { ContractError, type Result } from '../contract/errors';
import type { Router } from '../contract/router';
import type { Logger } from '../services/logger';
import { isTrustedSender } from './security';

const untrusted = new ContractError({
  code: 'UNTRUSTED_SENDER',
  message_vi: 'Yêu cầu không đến từ trang của ứng dụng nên bị từ chối.',
  message_en: 'The call did not come from the app’s own page and was refused.',
}).toValue();

/** Binds the contract router to ipcMain. Every call's sender is checked before anything else. */
export function bindRouterToIpc(ipcMain: Pick<IpcMain, 'handle'>, router: Router, logger: Logger, devServerOrigin: string | null): void {
  ipcMain.handle(channels.invoke, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
    if (!isTrustedSender(sender, devServerOrigin)) {
      logger.warn({ event: 'ipc-untrusted-sender', method: typeof method === 'string' ? method.slice(0, 100) : typeof method }, 'dropped IPC call from an untrusted frame');
      return { ok: false, error: untrusted };
    }
    return router.handle(method, input, { transport: 'ipc' });
  });
}
