import { createContext, useContext } from 'react';
import type { Answers, ProcedureDefinition } from '../../../electron/contract/procedure';
import type { DraftStatus } from './useDraft';

export type WizardMode = 'kiosk' | 'counter';

export interface Wizard {
  mode: WizardMode;
  definition: ProcedureDefinition;
  answers: Answers;
  setAnswer(path: string, value: unknown): void;
  updateAnswers(update: (answers: Answers) => Answers): void;
  draft: DraftStatus;
  /** Saves what is left; resolves with the draft id once the app has acknowledged it. */
  flush(): Promise<string | null>;
  /** The address of a screen of this wizard, carrying the draft: `to('kiem-tra')`. */
  to(sub?: string, query?: Record<string, string>): string;
}

export const WizardContext = createContext<Wizard | null>(null);

export function useWizard(): Wizard {
  const wizard = useContext(WizardContext);
  if (!wizard) throw new Error('useWizard outside WizardLayout');
  return wizard;
}

export function wizardBase(mode: WizardMode, code: string): string {
  return `/${mode}/thu-tuc/${code}`;
}

export function wizardPath(mode: WizardMode, code: string, draftId: string | null, sub = '', query: Record<string, string> = {}): string {
  const params = new URLSearchParams(query);
  if (draftId) params.set('hoSo', draftId);
  const search = params.toString();
  return `${wizardBase(mode, code)}${sub ? `/${sub}` : ''}${search ? `?${search}` : ''}`;
}
