import type { Migration } from '../migration';
import { settingsMigration } from './001_settings';
import { appRunsMigration } from './002_app_runs';
import { draftsDossiersMigration } from './003_drafts_dossiers';
import { cryptoKeysMigration } from './004_crypto_keys';
import { auditRetentionMigration } from './005_audit_retention';
import { accountsMigration } from './006_accounts';
import { idNumberIndexMigration } from './007_id_number_index';
import { syncMigration } from './008_sync';
import { kioskMigration } from './009_kiosk';

/** Every migration, in order. Append only: a shipped migration is never edited or removed. */
export const migrations: readonly Migration[] = [
  settingsMigration,
  appRunsMigration,
  draftsDossiersMigration,
  cryptoKeysMigration,
  auditRetentionMigration,
  accountsMigration,
  idNumberIndexMigration,
  syncMigration,
  kioskMigration,
];
