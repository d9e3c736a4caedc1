import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { DraftAttachment } from '../../contract/drafts';
import type { Dossier } from '../../contract/dossiers';
import { ContractError } from '../../contract/errors';
import { writeFileAtomically } from '../io';
import { usageError } from '../output';
import type { CommandRunner } from '../runner';

const mediaTypes: Record<string, string> = { '.pdf': 'application/pdf', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };

interface Attachment {
  file: string;
  documentKind: string;
  mediaType: string;
}

/** `--attach <file.pdf>:<documentKind>`, checked before anything is written. */
function parseAttachment(spec: string): Attachment {
  const colon = spec.lastIndexOf(':');
  const file = colon > 0 ? spec.slice(0, colon) : '';
  const documentKind = colon > 0 ? spec.slice(colon + 1) : '';
  if (!file || !/^[a-z][a-zA-Z0-9]*$/.test(documentKind)) {
    throw usageError(`--attach "${spec}": cần dạng <tệp>:<loại giấy tờ>, ví dụ giaychungsinh.pdf:giayChungSinh.`, `--attach "${spec}": expected <file>:<documentKind>, e.g. birth.pdf:giayChungSinh.`, { option: '--attach' });
  }
  const mediaType = mediaTypes[path.extname(file).toLowerCase()];
  if (!mediaType) throw usageError(`--attach "${file}": chỉ nhận PDF, JPEG, PNG.`, `--attach "${file}": only PDF, JPEG and PNG are accepted.`, { option: '--attach' });
  if (!fs.existsSync(file)) throw usageError(`--attach: không có tệp "${file}".`, `--attach: file "${file}" does not exist.`, { option: '--attach' });
  return { file, documentKind, mediaType };
}

export function registerDossiers(program: Command, run: CommandRunner): void {
  const dossiers = program.command('dossiers').description('dossiers / hồ sơ');

  dossiers
    .command('submit <draftId>')
    .description('validates a draft and queues it for sending')
    .option('--attach <file:kind>', 'attach a file as a document of the procedure (repeatable)', (value: string, list: string[]) => [...list, value], [] as string[])
    .action((draftId: string, options: { attach: string[] }) =>
      run(async ({ services, call }) => {
        const attachments = options.attach.map(parseAttachment);
        const added: DraftAttachment[] = [];
        try {
          for (const a of attachments) {
            added.push(await call<DraftAttachment>(services(), 'drafts.attach', { draftId, documentKind: a.documentKind, fileName: path.basename(a.file), mediaType: a.mediaType, content: new Uint8Array(fs.readFileSync(a.file)) }));
          }
          const result = await call<{ dossierId: string; state: string; localReference: string }>(services(), 'dossiers.submit', { draftId });
          return { value: result, human: `queued dossier ${result.dossierId} (${result.localReference})` };
        } catch (error) {
          // A refused submit leaves the draft as it was: take back what this command attached.
          for (const a of added) await call(services(), 'drafts.detach', { draftId, sha256: a.sha256 }).catch(() => undefined);
          throw error;
        }
      }),
    );

  dossiers
    .command('list')
    .description('dossiers on this machine')
    .option('--state <state>', 'only this state (queued, sending, submitted, …)')
    .action((options: { state?: string }) =>
      run(async ({ services, call }) => {
        const result = await call<{ dossiers: Omit<Dossier, 'answers'>[] }>(services(), 'dossiers.list', options.state ? { state: options.state } : {});
        return { value: result, human: result.dossiers.map((d) => `${d.id}  ${d.dossierCode ?? d.localReference}  ${d.state}  ${d.procedureName}`).join('\n') || '(không có / none)' };
      }),
    );

  dossiers
    .command('show <id>')
    .description('one dossier with its history')
    .action((id: string) =>
      run(async ({ services, call }) => {
        const dossier = await call<Dossier>(services(), 'dossiers.get', { id });
        return { value: dossier, human: JSON.stringify(dossier, null, 2) };
      }),
    );
}

export function registerRender(program: Command, run: CommandRunner): void {
  program
    .command('render <kind> <dossierId>')
    .description('renders the filled application form or the receipt (kind: application | receipt)')
    .requiredOption('--out <file.pdf>', 'where to write the PDF')
    .action((kind: string, dossierId: string, options: { out: string }) =>
      run(async ({ services, call }) => {
        if (kind !== 'application' && kind !== 'receipt') throw usageError(`Loại "${kind}" không có; dùng application hoặc receipt.`, `Unknown kind "${kind}"; use application or receipt.`, { argument: 'kind' });
        const rendered = await call<{ pdf: Uint8Array; pages: number }>(services(), 'documents.render', { kind, dossierId });
        if (!(rendered.pdf instanceof Uint8Array)) throw new ContractError({ code: 'INTERNAL', message_vi: 'Không tạo được PDF.', message_en: 'No PDF was produced.' });
        writeFileAtomically(options.out, rendered.pdf);
        return { value: { out: path.resolve(options.out), pages: rendered.pages }, human: `wrote ${options.out} (${rendered.pages} page(s))` };
      }),
    );
}
