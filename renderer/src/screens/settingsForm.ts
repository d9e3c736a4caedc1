import { z } from 'zod';
import { msg, settingsUpdateSchema, type Settings, type SettingsUpdate } from '../../../electron/contract/index';
import { i18nMessage } from '../errors';

/** What the form holds: every setting as a string or boolean; the exit code is empty unless changed. */
export interface SettingsFormValues {
  unitName: string;
  agencyCode: string;
  language: Settings['language'];
  startScreen: Settings['startScreen'];
  kioskExitCode: string;
  kioskMode: boolean;
  printerName: string;
  kioskIdleWarningSeconds: string;
  kioskIdleWipeSeconds: string;
  retentionDays: string;
  syncGatewayUrl: string;
}

/** Fields in the order they appear on the screen: the error summary lists them in this order. */
export const settingsFields = [
  'unitName',
  'agencyCode',
  'language',
  'startScreen',
  'printerName',
  'syncGatewayUrl',
  'kioskExitCode',
  'kioskMode',
  'kioskIdleWarningSeconds',
  'kioskIdleWipeSeconds',
  'retentionDays',
] as const;
export type SettingsField = (typeof settingsFields)[number];

export function isSettingsField(path: string): path is SettingsField {
  return (settingsFields as readonly string[]).includes(path);
}

export function formValuesOf(settings: Settings): SettingsFormValues {
  return {
    unitName: settings.unitName,
    agencyCode: settings.agencyCode,
    language: settings.language,
    startScreen: settings.startScreen,
    kioskExitCode: '',
    kioskMode: settings.kioskMode,
    printerName: settings.printerName,
    kioskIdleWarningSeconds: String(settings.kioskIdleWarningSeconds),
    kioskIdleWipeSeconds: String(settings.kioskIdleWipeSeconds),
    retentionDays: String(settings.retentionDays),
    syncGatewayUrl: settings.syncGatewayUrl,
  };
}

/** Digits only become a number; anything else stays NaN, which the contract's schema names as wrong. */
function wholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

const numberFields = ['kioskIdleWarningSeconds', 'kioskIdleWipeSeconds', 'retentionDays'] as const;

/** Only what changed is sent; an empty exit code means "keep the current one". */
export function changedFields(values: SettingsFormValues, saved: Settings): SettingsUpdate {
  const update: SettingsUpdate = {};
  if (values.unitName !== saved.unitName) update.unitName = values.unitName;
  const agencyCode = values.agencyCode.trim();
  if (agencyCode !== saved.agencyCode) update.agencyCode = agencyCode;
  if (values.language !== saved.language) update.language = values.language;
  if (values.startScreen !== saved.startScreen) update.startScreen = values.startScreen;
  if (values.kioskMode !== saved.kioskMode) update.kioskMode = values.kioskMode;
  if (values.printerName !== saved.printerName) update.printerName = values.printerName;
  for (const name of numberFields) {
    const value = wholeNumber(values[name]);
    if (value !== saved[name]) update[name] = value;
  }
  const gateway = values.syncGatewayUrl.trim();
  if (gateway !== saved.syncGatewayUrl) update.syncGatewayUrl = gateway;
  const exitCode = values.kioskExitCode.trim();
  if (exitCode !== '') update.kioskExitCode = exitCode;
  return update;
}

/**
 * The client-side check is the contract's own schema applied to exactly what would be sent, plus
 * the one rule the service adds (kiosk mode needs an exit code), so the screen and the app can never
 * disagree about what is valid. The parsed value is the update itself.
 */
export function settingsFormSchema(saved: Settings): z.ZodType<SettingsUpdate, SettingsFormValues> {
  const schema = z
    .preprocess((values) => changedFields(values as SettingsFormValues, saved), settingsUpdateSchema)
    .superRefine((update, ctx) => {
      if (update.kioskMode === true && update.kioskExitCode === undefined && !saved.kioskExitCodeSet) {
        ctx.addIssue({ code: 'custom', path: ['kioskMode'], message: msg('kioskNeedsCode') });
      }
      const warning = update.kioskIdleWarningSeconds ?? saved.kioskIdleWarningSeconds;
      const wipe = update.kioskIdleWipeSeconds ?? saved.kioskIdleWipeSeconds;
      if (wipe <= warning) ctx.addIssue({ code: 'custom', path: ['kioskIdleWipeSeconds'], message: msg('idleWipeAfterWarning') });
    });
  return schema as unknown as z.ZodType<SettingsUpdate, SettingsFormValues>;
}

/** zod's own texts are English only: replace the ones the contract does not word itself with ours. */
export const settingsErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return i18nMessage('errors.tooLong', { max: issue.maximum });
  return i18nMessage('errors.invalid');
};
