import path from 'node:path';

/** The project-local SANE configuration: only the `test` backend, A4 geometry (never /etc/sane.d). */
export const saneConfigDir = path.resolve(import.meta.dirname, '..', 'fixtures', 'sane');
export const saneEnv = { SANE_CONFIG_DIR: saneConfigDir, MOTCUA_ESCL_DISCOVER: '0' };
/** The same device with its feeder jammed: every read answers SANE_STATUS_JAMMED. */
export const jammedSaneConfigDir = path.resolve(import.meta.dirname, '..', 'fixtures', 'sane-jammed');
/** The same device delivering slowly (a pause after every buffer), to stop a batch halfway. */
export const slowSaneConfigDir = path.resolve(import.meta.dirname, '..', 'fixtures', 'sane-slow');
