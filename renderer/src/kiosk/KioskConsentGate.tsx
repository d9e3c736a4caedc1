import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useWizard } from '../wizard/WizardContext';
import { useKioskSession, useKioskSessionVersion } from './KioskSession';

/** The kiosk's questions, review and resume ask nothing until the resident consented (this session). */
export function KioskConsentGate({ children }: { children: ReactNode }) {
  const { store } = useKioskSession();
  useKioskSessionVersion();
  const { definition, to } = useWizard();
  if (!store.hasConsent(definition.code)) return <Navigate to={to('dong-y')} replace />;
  return children;
}
