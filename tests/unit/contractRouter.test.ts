import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createClient } from '../../electron/contract/client';
import { method } from '../../electron/contract/define';
import { ContractError } from '../../electron/contract/errors';
import { createEventHub } from '../../electron/contract/events';
import { contract, events } from '../../electron/contract/index';
import { createRouter, type Handlers } from '../../electron/contract/router';

const testContract = {
  people: {
    add: method({
      summary: 'adds a person',
      input: z.object({ name: z.string().min(1), age: z.number().int().min(0), phone: z.string().regex(/^0\d{9}$/).optional() }).strict(),
      output: z.object({ id: z.number().int() }),
    }),
    broken: method({ summary: 'answers outside the contract', input: z.object({}), output: z.object({ id: z.number() }) }),
    refuse: method({ summary: 'throws a typed error', input: z.object({}), output: z.object({}) }),
    crash: method({ summary: 'throws an untyped error', input: z.object({}), output: z.object({}) }),
  },
};

function setup() {
  const add = vi.fn((input: { name: string; age: number }) => ({ id: input.name.length + input.age }));
  const handlers: Handlers<typeof testContract> = {
    people: {
      add,
      broken: () => ({ id: 'not a number' }) as unknown as { id: number },
      refuse: () => {
        throw new ContractError({ code: 'NOT_FOUND', message_vi: 'Không thấy', message_en: 'Not found' });
      },
      crash: () => {
        throw new Error('secret internals at /home/x');
      },
    },
  };
  const rejected: unknown[] = [];
  const internal: unknown[] = [];
  const router = createRouter(testContract, handlers, { onRejected: (c) => rejected.push(c), onInternalError: (m) => internal.push(m) });
  return { router, add, rejected, internal };
}

const ctx = { transport: 'test' };

describe('contract router', () => {
  it('passes a valid call to the service and validates the answer', async () => {
    const { router, add } = setup();
    const result = await router.handle('people.add', { name: 'Lan', age: 30 }, ctx);
    expect(result).toEqual({ ok: true, value: { id: 33 } });
    expect(add).toHaveBeenCalledOnce();
  });

  it('refuses a wrong payload with a typed validation error naming each field, without reaching the service', async () => {
    const { router, add, rejected } = setup();
    const result = await router.handle('people.add', { name: '', age: 'ba mươi', phone: '123', extra: 1 }, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    const errors = result.error.details.errors as { path: string; message_vi: string; message_en: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual(['age', 'extra', 'name', 'phone']);
    for (const e of errors) {
      expect(e.message_vi.length).toBeGreaterThan(0);
      expect(e.message_en.length).toBeGreaterThan(0);
    }
    expect(errors.find((e) => e.path === 'age')?.message_en).toMatch(/expected number/);
    expect(errors.find((e) => e.path === 'age')?.message_vi).toMatch(/mong đợi số/);
    expect(result.error.message_vi).toContain('age');
    expect(result.error.message_en).toContain('name');
    expect(add).not.toHaveBeenCalled();
    // The log line names fields, never the values typed.
    expect(JSON.stringify(rejected)).not.toContain('ba mươi');
  });

  it('refuses an unknown method, and inherited names, without reaching any service', async () => {
    const { router, add } = setup();
    for (const name of ['people.remove', 'nobody.add', 'people', 'people.constructor', '__proto__.toString', 42]) {
      const result = await router.handle(name, {}, ctx);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('UNKNOWN_METHOD');
    }
    expect(add).not.toHaveBeenCalled();
  });

  it('passes typed service errors through and hides untyped ones', async () => {
    const { router, internal } = setup();
    const refused = await router.handle('people.refuse', {}, ctx);
    expect(refused).toEqual({ ok: false, error: { code: 'NOT_FOUND', message_vi: 'Không thấy', message_en: 'Not found', details: {} } });
    const crashed = await router.handle('people.crash', {}, ctx);
    expect(crashed.ok).toBe(false);
    if (!crashed.ok) {
      expect(crashed.error.code).toBe('INTERNAL');
      expect(JSON.stringify(crashed.error)).not.toContain('/home/x');
    }
    const broken = await router.handle('people.broken', {}, ctx);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.code).toBe('INTERNAL');
    expect(internal).toEqual(['people.crash', 'people.broken']);
  });

  it('builds a typed client from the contract alone, rethrowing typed errors', async () => {
    const { router } = setup();
    const hub = createEventHub({ 'people.added': z.object({ id: z.number() }) });
    const client = createClient(testContract, { 'people.added': z.object({ id: z.number() }) }, {
      invoke: (m, i) => router.handle(m, i, ctx),
      on: (listener) => hub.subscribe(listener),
    });
    await expect(client.people.add({ name: 'An', age: 5 })).resolves.toEqual({ id: 7 });
    const error = await client.people.add({ name: 'An', age: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).code).toBe('VALIDATION_FAILED');
    const seen: number[] = [];
    const off = client.on('people.added', (p) => seen.push(p.id));
    hub.emit('people.added', { id: 9 });
    off();
    hub.emit('people.added', { id: 10 });
    expect(seen).toEqual([9]);
  });

  it('refuses to emit an event that breaks its schema', () => {
    const hub = createEventHub(events);
    expect(() => hub.emit('settings.changed', { language: 'fr' } as never)).toThrow(ContractError);
  });

  it('the app contract gives every method an input and an output schema', () => {
    for (const [domain, methods] of Object.entries(contract)) {
      for (const [name, def] of Object.entries(methods)) {
        expect(def.input, `${domain}.${name}`).toBeInstanceOf(z.ZodType);
        expect(def.output, `${domain}.${name}`).toBeInstanceOf(z.ZodType);
        expect(def.summary.length).toBeGreaterThan(0);
      }
    }
  });
});
