import { appContract } from './app';
import { kioskContract } from './kiosk';
import { settingsContract, settingsSchema } from './settings';

/**
 * THE contract between the renderer and the app. Adding a method here is all a transport needs:
 * the preload, the test harness and the CLI pick it up through the generic router and client.
 */
export const contract = {
  app: appContract,
  settings: settingsContract,
  kiosk: kioskContract,
} as const;
export type AppContract = typeof contract;

export const events = {
  'settings.changed': settingsSchema,
} as const;
export type AppEvents = typeof events;

export * from './errors';
export * from './define';
export * from './app';
export * from './settings';
export * from './messages';
export * from './channels';
export * from './client';
