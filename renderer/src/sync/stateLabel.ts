import type { TFunction } from 'i18next';
import type { DossierState } from '../../../electron/contract/index';

/** A dossier state in the official's words. */
export function stateLabel(t: TFunction, state: DossierState): string {
  return t(`sync.states.${state}`);
}
