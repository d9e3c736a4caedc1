/**
 * A child process that "types" into a draft the way the wizard autosaves: one drafts.save per
 * keystroke, printing `ack <text>` only after the save returned (what the screen would show as
 * saved). The crash-safety test kills it with SIGKILL mid-stream.
 * Usage: tsx autosaveTyper.ts <dataDir> <procedureCode> <text> — types into the applicant's name
 * (the question the CCCD QR fills with a full name).
 */
import path from 'node:path';
import { createServices } from '../../electron/services/createServices';
import { createLogger } from '../../electron/services/logger';

const [dataDir, procedureCode, text] = process.argv.slice(2) as [string, string, string];
const services = createServices({ dataDir, resourcesDir: path.resolve(import.meta.dirname, '..', '..', 'resources'), appVersion: 'test', logger: createLogger(undefined, 'silent') });
const definition = services.catalogue.get(procedureCode);
const example = definition.example;
const questionId = definition.steps.flatMap((s) => s.questions).find((q) => q.cccdField === 'fullName')!.id;
let id: string | undefined;
for (let i = 1; i <= text.length; i++) {
  const typed = text.slice(0, i);
  const result = await services.router.handle('drafts.save', { ...(id ? { id } : {}), procedureCode, mode: 'kiosk', answers: { ...example, [questionId]: typed } }, { transport: 'test' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  id = (result.value as { id: string }).id;
  process.stdout.write(`ack ${id} ${typed}\n`);
}
process.stdout.write('done\n');
// Stay alive until killed, like an app with the resident still at the screen.
setInterval(() => undefined, 1000);
