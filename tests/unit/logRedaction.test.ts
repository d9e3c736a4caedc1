import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { method } from '../../electron/contract/define';
import { createRouter } from '../../electron/contract/router';
import { createLogger } from '../../electron/services/logger';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ write: (line: string) => lines.push(line) } as never, 'debug');
  return { logger, text: () => lines.join('') };
}

describe('logs carry no personal data', () => {
  it('redacts answers, inputs, payloads, PINs and codes even when a caller logs them by mistake', () => {
    const { logger, text } = capture();
    logger.info({ event: 'x', answers: { requesterFullName: 'Nguyễn Thị Hương' }, input: { pin: '123456' }, payload: { idNumber: '001190012345' }, pin: '999999', code: '135790', nested: { answers: 'Trần Văn Bình' } }, 'oops');
    const logged = text();
    for (const secret of ['Nguyễn Thị Hương', '123456', '001190012345', '999999', '135790', 'Trần Văn Bình']) expect(logged).not.toContain(secret);
    expect(logged).toContain('[redacted]');
    expect(JSON.parse(logged).event).toBe('x');
  });

  it('a refused call is logged with its method and the names of the bad fields, never their values', async () => {
    const { logger, text } = capture();
    const contract = { people: { add: method({ summary: 's', input: z.object({ name: z.string().max(3), idNumber: z.string().regex(/^\d{12}$/) }).strict(), output: z.object({}) }) } };
    const router = createRouter(contract, { people: { add: () => ({}) } }, { onRejected: (call) => logger.warn({ event: 'call-rejected', ...call }, 'refused') });
    await router.handle('people.add', { name: 'Nguyễn Thị Hương', idNumber: '00119001234' }, { transport: 'test' });
    const logged = text();
    expect(logged).toContain('people.add');
    expect(logged).toContain('idNumber');
    expect(logged).not.toContain('Nguyễn');
    expect(logged).not.toContain('00119001234');
  });
});
