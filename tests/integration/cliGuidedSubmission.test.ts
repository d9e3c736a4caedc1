import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { motcua } from '../support/cli';
import { tempDir } from '../support/tempDir';

function json<T>(run: { status: number | null; stdout: string; stderr: string }, status = 0): T {
  expect(run.status, run.stderr).toBe(status);
  return JSON.parse(run.stdout) as T;
}

describe('motcua: catalogue, drafts, dossiers, render', () => {
  it('takes a birth registration from example answers to a queued dossier and its papers', () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const g = ['--data-dir', dataDir, '--json'];

    const found = json<{ results: { code: string; name: string; score: number }[] }>(motcua(['catalogue', 'search', 'lam giay khai sinh cho con', ...g]));
    expect(found.results[0]).toMatchObject({ code: '1.001193' });
    expect(Object.keys(found.results[0]!).sort()).toEqual(['code', 'name', 'score']);

    const shown = json<{ code: string; name: string; agency: { name: string }; level: string; documents: { kind: string; name: string; required: boolean }[] }>(motcua(['catalogue', 'show', '1.001193', ...g]));
    expect(shown).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh' });
    expect(shown.documents.some((d) => d.kind === 'giayChungSinh')).toBe(true);

    const exampleFile = path.join(dir, 'example.json');
    const example = motcua(['catalogue', 'example', '1.001193', ...g]);
    fs.writeFileSync(exampleFile, example.stdout);
    const saved = json<{ id: string; procedureCode: string; updatedAt: string }>(motcua(['drafts', 'save', '--procedure', '1.001193', '--data', exampleFile, ...g]));
    expect(saved.procedureCode).toBe('1.001193');
    const listed = json<{ drafts: { id: string }[] }>(motcua(['drafts', 'list', ...g]));
    expect(listed.drafts.map((d) => d.id)).toContain(saved.id);
    const draft = json<{ answers: Record<string, unknown> }>(motcua(['drafts', 'show', saved.id, ...g]));
    expect(draft.answers).toEqual(JSON.parse(example.stdout).answers);

    // No handling agency yet: refused, nothing queued.
    const noAgency = motcua(['dossiers', 'submit', saved.id, ...g]);
    expect(noAgency.status).toBe(1);
    expect(JSON.parse(noAgency.stdout).error.code).toBe('AGENCY_NOT_SET');
    json(motcua(['settings', 'set', '--unit-name', 'UBND phường Ba Đình', '--agency-code', '000.00.01.H26', ...g]));

    // The birth certificate is a required paper: refused until attached, and the draft stays as it was.
    const missing = motcua(['dossiers', 'submit', saved.id, ...g]);
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.stdout).error.details.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'documents.giayChungSinh' })]));
    const scan = path.join(dir, 'giay-chung-sinh.pdf');
    fs.writeFileSync(scan, '%PDF-1.4\n% a scanned birth certificate\n');
    const badAttach = motcua(['dossiers', 'submit', saved.id, '--attach', `${scan}:giayChungSinh`, '--attach', `${scan}:khongCoLoaiNay`, ...g]);
    expect(badAttach.status).toBe(2);
    expect(json<{ attachments: unknown[] }>(motcua(['drafts', 'show', saved.id, ...g])).attachments).toEqual([]);

    const queued = json<{ dossierId: string; state: string }>(motcua(['dossiers', 'submit', saved.id, '--attach', `${scan}:giayChungSinh`, ...g]));
    expect(queued.state).toBe('queued');
    const dossier = json<{ dossierCode: string | null; state: string; history: { state: string }[]; attachments: { sha256: string }[] }>(motcua(['dossiers', 'show', queued.dossierId, ...g]));
    expect(dossier).toMatchObject({ dossierCode: null, state: 'queued', history: [{ state: 'queued' }] });
    expect(dossier.attachments).toHaveLength(1);
    expect(json<{ dossiers: { id: string }[] }>(motcua(['dossiers', 'list', '--state', 'queued', ...g])).dossiers.map((d) => d.id)).toEqual([queued.dossierId]);

    // Submitting twice does not make a second dossier.
    expect(json<{ dossierId: string }>(motcua(['dossiers', 'submit', saved.id, ...g])).dossierId).toBe(queued.dossierId);

    for (const kind of ['receipt', 'application']) {
      const out = path.join(dir, `${kind}.pdf`);
      const rendered = json<{ out: string; pages: number }>(motcua(['render', kind, queued.dossierId, '--out', out, ...g]));
      expect(rendered.pages).toBeGreaterThanOrEqual(1);
      const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
      expect(text).toContain('Nguyễn Văn An');
      if (kind === 'receipt') expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    }
    const nowhere = path.join(dir, 'none.pdf');
    const unknown = motcua(['render', 'receipt', '00000000-0000-4000-8000-000000000000', '--out', nowhere, ...g]);
    expect(unknown.status).toBe(3);
    expect(fs.existsSync(nowhere)).toBe(false);
  }, 240_000);

  it('names the field for bad answers and bad codes, and saves nothing invalid as valid', () => {
    const dir = tempDir();
    const g = ['--data-dir', path.join(dir, 'data'), '--json'];
    const example = JSON.parse(motcua(['catalogue', 'example', '1.001193', ...g]).stdout).answers as Record<string, unknown>;
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ...example, requesterIdNumber: '00109001234', childDateOfBirth: '2026-02-30' }));
    const saved = json<{ id: string }>(motcua(['drafts', 'save', '--procedure', '1.001193', '--data', bad, ...g]));
    json(motcua(['settings', 'set', '--unit-name', 'UBND xã Tân Phú', '--agency-code', '000.00.01.H22', ...g]));
    const refused = motcua(['dossiers', 'submit', saved.id, ...g]);
    expect(refused.status).toBe(2);
    const errors = JSON.parse(refused.stdout).error.details.errors as { path: string; message_vi: string }[];
    expect(errors.find((e) => e.path === 'requesterIdNumber')?.message_vi).toMatch(/12 chữ số/);
    expect(errors.find((e) => e.path === 'childDateOfBirth')?.message_vi).toMatch(/không có thật/);
    expect(json<{ dossiers: unknown[] }>(motcua(['dossiers', 'list', ...g])).dossiers).toEqual([]);

    expect(motcua(['catalogue', 'show', '9.999999', ...g]).status).toBe(3);
    expect(motcua(['catalogue', 'show', 'khai-sinh', ...g]).status).toBe(2);
    const notJson = path.join(dir, 'x.json');
    fs.writeFileSync(notJson, '{ not json');
    const usage = motcua(['drafts', 'save', '--procedure', '1.001193', '--data', notJson, ...g]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--data/);
  }, 120_000);
});
