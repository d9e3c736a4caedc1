import { fileURLToPath } from 'node:url';
import type { EventHub } from '../../contract/events';
import type { AppEvents } from '../../contract/index';
import { TokenClient } from '../../../native/token/tokenClient';
import { signingHandlers, type SigningHandlerDeps } from './signingHandlers';
import { SigningService } from './signingService';

export interface CreateSigningOptions {
  resourcesDir: string;
  now: () => Date;
  events: EventHub<AppEvents>;
  renderApplication: SigningHandlerDeps['renderApplication'];
  record: SigningHandlerDeps['record'];
}

/** The signing worker's client: PKCS#11 plus PDF assembly and CMS, all off the main thread. */
export function createSigningClient(options: { timeoutMs?: number } = {}): TokenClient {
  return new TokenClient({ ...options, entry: { source: () => fileURLToPath(new URL('./signingWorker.ts', import.meta.url)), built: 'signingWorker.cjs' } });
}

/** Composition of the signing feature for createServices: one token worker (started on first use), the service, its handlers. */
export function createSigning(options: CreateSigningOptions) {
  const client = createSigningClient();
  const service = new SigningService(client, { resourcesDir: options.resourcesDir, now: options.now, tsaUrl: () => process.env.MOTCUA_TSA_URL ?? null });
  const { handlers, stop } = signingHandlers({ signing: service, events: options.events, renderApplication: options.renderApplication, record: options.record });
  return {
    service,
    handlers,
    close() {
      stop();
      void service.close();
    },
  };
}
