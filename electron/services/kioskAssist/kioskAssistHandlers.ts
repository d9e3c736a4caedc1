import type { AppContract } from '../../contract/index';
import type { Handlers } from '../../contract/router';
import type { KioskAssistService } from './kioskAssistService';

/**
 * The contract's `kioskAssist` methods. Changing where calls go is an administrator's job once
 * accounts exist (`requireSupervisor`); calling, rating and reading the figures are open: the
 * kiosk has no signed-in user, and none of it holds personal data.
 */
export function kioskAssistHandlers(service: KioskAssistService, requireSupervisor: () => void): Handlers<AppContract>['kioskAssist'] {
  return {
    callHelp: () => service.callHelp(),
    helpCalls: () => service.helpCalls(),
    acknowledge: ({ id }) => service.acknowledge(id),
    config: () => service.config(),
    configure: async (change) => {
      requireSupervisor();
      const config = service.configure(change);
      await service.start();
      return config;
    },
    rate: ({ score, comment, procedureCode }) => service.ratings.add(score, comment, procedureCode),
    todayRatings: () => service.ratings.today(),
    topProcedures: ({ limit }) => service.topProcedures(limit),
  };
}
