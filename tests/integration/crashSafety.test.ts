import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../electron/contract/drafts';
import { createServices } from '../../electron/services/createServices';
import { createLogger } from '../../electron/services/logger';
import { tempDir } from '../support/tempDir';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('autosave survives SIGKILL', () => {
  it('keeps, after a kill and restart, everything that was acknowledged', async () => {
    const dataDir = tempDir();
    const text = 'Nguyễn Thị Hương, thôn Đông, xã Tân Phú — ghi chú dài để có nhiều lần lưu';
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/support/autosaveTyper.ts'), dataDir, '1.001193', text], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck: { id: string; typed: string } | null = null;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          const match = /^ack (\S+) (.*)$/.exec(line);
          if (match) lastAck = { id: match[1]!, typed: match[2]! };
          // Kill in the middle of typing: after 20 acknowledged keystrokes.
          if (lastAck && lastAck.typed.length >= 20) {
            child.kill('SIGKILL');
            resolve();
            return;
          }
        }
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`typer exited ${code}: ${stderr}`))));
    });
    await new Promise((r) => child.once('exit', r).once('close', r));
    expect(lastAck).not.toBeNull();
    const acked = lastAck as unknown as { id: string; typed: string };

    const services = createServices({ dataDir, resourcesDir: path.join(root, 'resources'), appVersion: 'test', logger: createLogger(undefined, 'silent') });
    try {
      const result = await services.router.handle('drafts.get', { id: acked.id }, { transport: 'test' });
      expect(result.ok).toBe(true);
      const nameQuestion = services.catalogue.get('1.001193').steps.flatMap((s) => s.questions).find((q) => q.cccdField === 'fullName')!.id;
      const saved = (result as { value: Draft }).value.answers[nameQuestion] as string;
      // Everything acknowledged is there (a save that was in flight may have landed too).
      expect(saved.startsWith(acked.typed)).toBe(true);
      expect(text.startsWith(saved)).toBe(true);
      const info = await services.router.handle('app.info', {}, { transport: 'test' });
      expect(info).toMatchObject({ ok: true, value: { recoveredFromCrash: true, dbIntegrity: 'ok' } });
    } finally {
      services.close();
    }
  });
});
