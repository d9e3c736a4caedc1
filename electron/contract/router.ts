import type { z } from 'zod';
import type { ContractDef, MethodDef } from './define';
import { findMethod } from './define';
import { ContractError, type Result } from './errors';
import { parseOrThrow } from './validation';

export interface CallContext {
  /** Where the call came from, for logs: 'ipc', 'cli', 'e2e'. */
  readonly transport: string;
}

type Handler<M extends MethodDef> = (input: z.output<M['input']>, ctx: CallContext) => z.input<M['output']> | Promise<z.input<M['output']>>;

export type Handlers<C extends ContractDef> = {
  [D in keyof C]: { [M in keyof C[D]]: C[D][M] extends MethodDef ? Handler<C[D][M]> : never };
};

export interface RejectedCall {
  method: string;
  code: string;
  /** Paths of bad fields only: never the values, which may be personal data. */
  fields: string[];
}

export interface RouterOptions {
  /** Called for every call refused before reaching a service (a log line, never the payload). */
  onRejected?(call: RejectedCall): void;
  /** Called for an unexpected exception from a service; the caller gets INTERNAL without the stack. */
  onInternalError?(method: string, error: unknown): void;
}

export interface Router {
  handle(method: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>>;
}

const internalError = new ContractError({
  code: 'INTERNAL',
  message_vi: 'Đã xảy ra lỗi trong ứng dụng. Thao tác chưa được thực hiện; hãy thử lại hoặc báo cán bộ kỹ thuật.',
  message_en: 'The application hit an internal error. Nothing was changed; try again or call technical staff.',
});

/** Validates both directions of every call and turns every failure into a typed value. */
export function createRouter<C extends ContractDef>(contract: C, handlers: Handlers<C>, options: RouterOptions = {}): Router {
  return {
    async handle(methodName, input, ctx) {
      const name = typeof methodName === 'string' ? methodName : '';
      const def = typeof methodName === 'string' ? findMethod(contract, methodName) : undefined;
      if (!def) {
        options.onRejected?.({ method: name.slice(0, 100), code: 'UNKNOWN_METHOD', fields: [] });
        return {
          ok: false,
          error: new ContractError({
            code: 'UNKNOWN_METHOD',
            message_vi: `Không có chức năng "${name.slice(0, 100)}".`,
            message_en: `There is no method "${name.slice(0, 100)}".`,
          }).toValue(),
        };
      }
      const [domain, ...rest] = name.split('.');
      const handler = (handlers as Record<string, Record<string, Handler<MethodDef>>>)[domain!]![rest.join('.')]!;
      let parsedInput: unknown;
      try {
        parsedInput = parseOrThrow(def.input, input ?? {}, name);
      } catch (error) {
        if (!(error instanceof ContractError)) {
          options.onInternalError?.(name, error);
          return { ok: false, error: internalError.toValue() };
        }
        const value = error.toValue();
        const errors = (value.details.errors as { path: string }[] | undefined) ?? [];
        options.onRejected?.({ method: name, code: value.code, fields: errors.map((e) => e.path) });
        return { ok: false, error: value };
      }
      let output: unknown;
      try {
        output = await handler(parsedInput, ctx);
      } catch (error) {
        if (error instanceof ContractError) return { ok: false, error: error.toValue() };
        options.onInternalError?.(name, error);
        return { ok: false, error: internalError.toValue() };
      }
      // A service answering outside the contract is our bug, not the caller's: report it as internal.
      const checked = def.output.safeParse(output);
      if (!checked.success) {
        const fields = checked.error.issues.map((i) => i.path.join('.')).join(', ');
        options.onInternalError?.(name, new Error(`result of ${name} breaks the contract at: ${fields}`));
        return { ok: false, error: internalError.toValue() };
      }
      return { ok: true, value: checked.data };
    },
  };
}
