import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import type { LinkStatus } from '../../../electron/contract/index';
import { api } from '../api';

/** The link status, read on every screen change and kept current by the `sync.changed` event. */
export function useLinkStatus(): LinkStatus | null {
  const [status, setStatus] = useState<LinkStatus | null>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    let current = true;
    api.sync.status().then(
      (s) => current && setStatus(s),
      () => undefined,
    );
    const off = api.on('sync.changed', (s) => current && setStatus(s));
    return () => {
      current = false;
      off();
    };
  }, [pathname]);
  return status;
}
