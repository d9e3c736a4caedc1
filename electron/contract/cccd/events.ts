import { z } from 'zod';

/**
 * A card's QR text read by a HID POS reader in the main process, on its way to the screen's scan
 * panel (which parses and asks for confirmation). Carries personal data: never logged.
 */
export const cccdScannedSchema = z.object({ text: z.string().max(4000), source: z.literal('hid') }).strict();

/** A HID POS reader allowed in settings, by USB vendor and product id. */
export const hidReaderSchema = z.object({ vendorId: z.number().int().min(0).max(0xffff), productId: z.number().int().min(0).max(0xffff) }).strict();
