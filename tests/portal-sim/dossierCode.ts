import type Database from 'better-sqlite3';

/** `<agency code>-YYMMDD-XXXX` (Circular 01/2018/TT-VPCP art. 19), day in Vietnam time, running number per agency and day. */
export function nextDossierCode(db: Database.Database, agencyCode: string, at: Date): string {
  const vn = new Date(at.getTime() + 7 * 3600_000).toISOString();
  const day = `${vn.slice(2, 4)}${vn.slice(5, 7)}${vn.slice(8, 10)}`;
  db.prepare('INSERT INTO day_counters (agency_code, day, n) VALUES (?, ?, 1) ON CONFLICT (agency_code, day) DO UPDATE SET n = n + 1').run(agencyCode, day);
  const { n } = db.prepare('SELECT n FROM day_counters WHERE agency_code = ? AND day = ?').get(agencyCode, day) as { n: number };
  return `${agencyCode}-${day}-${String(n).padStart(4, '0')}`;
}
