import type { EventHub } from '../../contract/events';
import type { AppContract, AppEvents } from '../../contract/index';
import type { Handlers } from '../../contract/router';
import { TokenPresencePoller } from '../../../native/token/hotplug';
import type { TokenInfo } from '../../../native/token/types';
import type { SigningService, SignOutcome } from './signingService';

export interface SigningHandlerDeps {
  signing: SigningService;
  events: EventHub<AppEvents>;
  /** The application form of a dossier as PDF (documents service). */
  renderApplication(dossierId: string): Promise<{ pdf: Uint8Array; fileName: string }>;
  /** Audit trail: which certificate signed what — never the PIN, never the signer's name (personal data). */
  record(action: string, dossierId: string | null, details: Record<string, string | number | boolean | null>): void;
}

const summary = (tokens: TokenInfo[]) => tokens.map(({ slot, label, serial, pin, certificates }) => ({ slot, label, serial, pin, certificates: certificates.map(({ der: _der, keyAlgorithm: _alg, label: _label, ...c }) => c) }));
const result = ({ pdf, signer, signedAt, subFilter, verification }: SignOutcome) => ({ pdf, signer, signedAt, subFilter, verification });

/** The `signing.*` contract methods and the token hot-plug events. */
export function signingHandlers(deps: SigningHandlerDeps): { handlers: Handlers<AppContract>['signing']; stop(): void } {
  const pollers = new Map<string, TokenPresencePoller>();
  return {
    handlers: {
      tokens: async ({ module }) => {
        const resolved = deps.signing.resolveModule(module);
        return { module: resolved, tokens: summary(await deps.signing.listTokens(resolved)) };
      },
      sign: async ({ pdf, ...rest }) => {
        const outcome = await deps.signing.sign({ ...rest, pdf });
        deps.record('document.sign', null, { certId: outcome.certificate.id });
        return result(outcome);
      },
      signApplication: async ({ dossierId, ...rest }) => {
        const rendered = await deps.renderApplication(dossierId);
        const outcome = await deps.signing.sign({ ...rest, pdf: rendered.pdf });
        deps.record('document.sign', dossierId, { kind: 'application', certId: outcome.certificate.id });
        return { ...result(outcome), fileName: rendered.fileName.replace(/\.pdf$/i, '') + '-da-ky.pdf' };
      },
      watch: async ({ module }) => {
        const resolved = deps.signing.resolveModule(module);
        if (!pollers.has(resolved)) {
          const poller = new TokenPresencePoller(resolved, (m) => deps.signing.presence(m), (event) => {
            const { kind, ...payload } = event;
            deps.events.emit(kind === 'inserted' ? 'token.inserted' : 'token.removed', payload);
          });
          await poller.pollOnce();
          poller.start();
          pollers.set(resolved, poller);
        }
        return { module: resolved, watching: true };
      },
    },
    stop() {
      for (const poller of pollers.values()) poller.stop();
      pollers.clear();
    },
  };
}
