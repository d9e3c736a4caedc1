import { bridgeGlobalName, contract, createClient, events, type Bridge } from '../../electron/contract/index';

/**
 * The renderer's only way to the app: the bridge the preload exposes (or the end-to-end harness
 * installs), wrapped in the client typed by the contract.
 */
function findBridge(): Bridge {
  const bridge = (window as unknown as Record<string, Bridge | undefined>)[bridgeGlobalName];
  if (bridge) return bridge;
  // Without a bridge every call fails with the same readable error instead of a TypeError.
  const missing = {
    code: 'INTERNAL',
    message_vi: 'Giao diện chưa kết nối được với ứng dụng.',
    message_en: 'The screen is not connected to the application.',
    details: {},
  };
  return {
    invoke: () => Promise.resolve({ ok: false, error: missing }),
    on: () => () => undefined,
  };
}

export const api = createClient(contract, events, findBridge());
export type Api = typeof api;
