import { z } from 'zod';
import { method } from './define';
import { hidReaderSchema } from './cccd/events';
import { msg } from './messages';

/** Agency code per Circular 10/2016/TT-BTTTT, e.g. `000.00.01.H22`; empty until the commune sets it. */
export const agencyCodeSchema = z.union([z.literal(''), z.string().regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, { error: msg('agencyCodeFormat') })]);
export const kioskExitCodeSchema = z.string().regex(/^\d{6,12}$/, { error: msg('kioskCodeFormat') });

/** A whole number within [min, max], with one bilingual message for every way of missing it. */
function wholeNumberIn(min: number, max: number, key: Parameters<typeof msg>[0]) {
  return z.number({ error: msg(key) }).int({ error: msg(key) }).min(min, { error: msg(key) }).max(max, { error: msg(key) });
}

export const kioskIdleWarningSecondsSchema = wholeNumberIn(30, 600, 'idleWarningRange');
export const kioskIdleWipeSecondsSchema = wholeNumberIn(60, 1800, 'idleWipeRange');

/** How long confirmed dossiers stay on this machine (PDPL 91/2025: purge after confirmation). */
export const retentionDaysSchema = wholeNumberIn(1, 3650, 'retentionDaysRange');

/**
 * Base URL of the receiving system, or '' for none. Dossiers carry personal data: https only, except
 * plain http on this machine's loopback (a local gateway process, the simulator).
 */
export const syncGatewayUrlSchema = z.union([
  z.literal(''),
  z
    .string()
    .trim()
    .max(500)
    .regex(/^(https:\/\/[^\s/?#]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?)(\/[^\s]*)?$/, { error: msg('gatewayUrlFormat') }),
]);

export const languageSchema = z.enum(['vi', 'en']);
export const startScreenSchema = z.enum(['home', 'counter', 'kiosk']);

/** What the renderer may read. The kiosk exit code itself never leaves the services: only whether it is set. */
export const settingsSchema = z.object({
  language: languageSchema,
  startScreen: startScreenSchema,
  kioskMode: z.boolean(),
  kioskExitCodeSet: z.boolean(),
  unitName: z.string(),
  agencyCode: agencyCodeSchema,
  /** The printer for receipts and forms; '' means the system's default printer. */
  printerName: z.string(),
  /** Seconds without a touch or key before the kiosk asks "Bạn còn đó không?". */
  kioskIdleWarningSeconds: kioskIdleWarningSecondsSchema,
  /** Seconds without a touch or key before the kiosk wipes the session (greater than the warning). */
  kioskIdleWipeSeconds: kioskIdleWipeSecondsSchema,
  /** Days a dossier confirmed by the receiving side is kept on this machine before it is purged. */
  retentionDays: retentionDaysSchema,
  /** Base URL of the receiving system (docs/sync-protocol.md); '' while none is configured. */
  syncGatewayUrl: syncGatewayUrlSchema,
  /** HID POS barcode readers (usage page 0x8C) the app may open, by USB vendor/product id. */
  hidReaders: z.array(hidReaderSchema).max(20),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsUpdateSchema = z
  .object({
    language: languageSchema,
    startScreen: startScreenSchema,
    kioskMode: z.boolean(),
    unitName: z.string().trim().min(1, { error: msg('nameRequired') }).max(200),
    agencyCode: agencyCodeSchema,
    printerName: z.string().max(200),
    retentionDays: retentionDaysSchema,
    syncGatewayUrl: syncGatewayUrlSchema,
    kioskIdleWarningSeconds: kioskIdleWarningSecondsSchema,
    kioskIdleWipeSeconds: kioskIdleWipeSecondsSchema,
    hidReaders: z.array(hidReaderSchema).max(20),
    /** A new kiosk exit code; stored only as a scrypt hash. */
    kioskExitCode: kioskExitCodeSchema,
  })
  .partial()
  .strict();
export type SettingsUpdate = z.input<typeof settingsUpdateSchema>;

export const settingsContract = {
  get: method({ summary: 'Reads the settings', input: z.object({}).strict(), output: settingsSchema }),
  update: method({ summary: 'Changes some settings', input: settingsUpdateSchema, output: settingsSchema }),
};
