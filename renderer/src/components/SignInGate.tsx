import { useState, type ReactNode } from 'react';
import { SignInScreen, SupervisorRequiredScreen } from '../screens/SignInScreen';
import { useSession } from '../state/AppState';

/**
 * Counter screens need a signed-in official, Settings a supervisor; in first-run setup mode (no
 * account yet) nothing asks. The app checks again on every guarded call: this only shows the way.
 * `atEntryOnly` checks on arrival, so Settings that has just turned kiosk mode on (which signs the
 * official out) can still show that it saved.
 */
export function SignInGate({ children, supervisor = false, atEntryOnly = false }: { children: ReactNode; supervisor?: boolean; atEntryOnly?: boolean }) {
  const { session } = useSession();
  const { account } = session;
  const allowed = !session.accountsExist || (account !== null && (!supervisor || account.role === 'supervisor'));
  const [allowedOnEntry] = useState(allowed);
  if (allowed || (atEntryOnly && allowedOnEntry)) return children;
  return account === null ? <SignInScreen /> : <SupervisorRequiredScreen />;
}
