import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../electron/contract/errors';
import { TokenClient } from '../../native/token/tokenClient';
import { createSoftHsmToken, softhsmModule, type SoftHsmToken } from '../support/softhsm';

let token: SoftHsmToken;
beforeAll(() => {
  token = createSoftHsmToken();
  process.env.SOFTHSM2_CONF = token.conf;
});
afterAll(() => token.remove());

describe('a token that stops answering', () => {
  it('ends in TOKEN_TIMEOUT instead of hanging, and the next call gets a fresh worker', async () => {
    const client = new TokenClient({ timeoutMs: 1500, entry: { source: () => path.resolve('tests/support/stuckTokenWorker.ts'), built: 'none' } });
    try {
      // Load the module in the worker first, as a real session would have.
      expect((await client.tokens(softhsmModule))[0]!.label).toBe(token.label);
      const error = await client.job('stuck', {}).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ContractError);
      expect((error as ContractError).code).toBe('TOKEN_TIMEOUT');
      expect((error as ContractError).message_vi).toContain('không phản hồi');
      // The blocked thread was dropped; a new one answers.
      expect((await client.tokens(softhsmModule))[0]!.label).toBe(token.label);
    } finally {
      await client.close();
    }
  });
});
