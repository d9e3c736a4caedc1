import type { AppContract } from '../../contract/index';
import type { Handlers } from '../../contract/router';
import type { SyncService } from './syncService';

/** The router's `sync.*` methods. */
export function syncHandlers(sync: SyncService): Handlers<AppContract>['sync'] {
  return {
    status: () => sync.status(),
    queue: ({ includeSent }) => ({ items: sync.queue(includeSent ?? false) }),
    retryNow: ({ dossierId }) => ({ due: sync.retryNow(dossierId) }),
    lookup: ({ code }) => sync.lookup(code),
  };
}
