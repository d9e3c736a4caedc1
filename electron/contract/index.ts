import { accountsContract } from './accounts';
import { appContract } from './app';
import { auditContract } from './audit';
import { catalogueContract } from './catalogue';
import { cccdScannedSchema } from './cccd/events';
import { documentsContract, dossiersContract } from './dossiers';
import { draftsContract } from './drafts';
import { kioskContract } from './kiosk';
import { kioskAssistContract } from './kioskAssist';
import { retentionContract } from './retention';
import { scanningContract, scanningEvents } from './scanning';
import { settingsContract, settingsSchema } from './settings';
import { linkStatusSchema, syncContract } from './sync';
import { signingContract, tokenPresenceEventSchema } from './signing';

/**
 * THE contract between the renderer and the app. Adding a method here is all a transport needs:
 * the preload, the test harness and the CLI pick it up through the generic router and client.
 */
export const contract = {
  app: appContract,
  settings: settingsContract,
  kiosk: kioskContract,
  catalogue: catalogueContract,
  drafts: draftsContract,
  dossiers: dossiersContract,
  documents: documentsContract,
  audit: auditContract,
  retention: retentionContract,
  accounts: accountsContract,
  sync: syncContract,
  kioskAssist: kioskAssistContract,
  scanning: scanningContract,
  signing: signingContract,
} as const;
export type AppContract = typeof contract;

export const events = {
  'settings.changed': settingsSchema,
  'sync.changed': linkStatusSchema,
  ...scanningEvents,
  'cccd.scanned': cccdScannedSchema,
  'token.inserted': tokenPresenceEventSchema,
  'token.removed': tokenPresenceEventSchema,
} as const;
export type AppEvents = typeof events;

export * from './errors';
export * from './define';
export * from './app';
export * from './settings';
export * from './messages';
export * from './procedure';
export * from './catalogue';
export * from './drafts';
export * from './dossiers';
export * from './audit';
export * from './retention';
export * from './accounts';
export * from './sync';
export * from './kioskAssist';
export * from './scanning';
export * from './signing';
export * from './channels';
export * from './client';
