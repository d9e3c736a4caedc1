import { z } from 'zod';
import { ContractError } from '../../contract/errors';

const answerSchema = z.object({ id: z.string(), raisedAt: z.string() });

function unreachable(detail: string): ContractError {
  return new ContractError({
    code: 'HELP_CALL_FAILED',
    message_vi: 'Không gọi được cán bộ qua mạng. Xin bạn đến quầy tiếp nhận, hoặc giơ tay để cán bộ thấy.',
    message_en: 'The call to an official could not be sent over the network. Please go to the counter, or raise your hand.',
    details: { detail },
  });
}

/** The kiosk side: one POST to the counter's listener, given up after `timeoutMs` (the resident is waiting). */
export async function sendHelpCall(counterUrl: string, kioskName: string, timeoutMs = 4000): Promise<{ id: string; raisedAt: string }> {
  let response: Response;
  try {
    response = await fetch(new URL('/v1/help-calls', counterUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kioskName }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw unreachable(error instanceof Error ? error.message : String(error));
  }
  if (response.status !== 201) throw unreachable(`HTTP ${response.status}`);
  const parsed = answerSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw unreachable('unexpected answer');
  return parsed.data;
}
