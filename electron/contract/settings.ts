import { z } from 'zod';
import { method } from './define';
import { hidReaderSchema } from './cccd/events';
import { msg } from './messages';

/** Agency code per Circular 10/2016/TT-BTTTT, e.g. `000.00.01.H22`; empty until the commune sets it. */
export const agencyCodeSchema = z.union([z.literal(''), z.string().regex(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/, { error: msg('agencyCodeFormat') })]);
export const kioskExitCodeSchema = z.string().regex(/^\d{6,12}$/, { error: msg('kioskCodeFormat') });

export const kioskIdleWarningSecondsSchema = z.number().int().min(30).max(600);
export const kioskIdleWipeSecondsSchema = z.number().int().min(60).max(1800);

/** How long confirmed dossiers stay on this machine (PDPL 91/2025: purge after confirmation). */
export const retentionDaysSchema = z.number().int().min(1).max(3650);

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
