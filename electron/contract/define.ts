import { z } from 'zod';

/** One callable method: its input and output schemas. */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** A line for the operator docs and logs. */
  readonly summary: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

/** A domain is a group of methods: `settings.get`, `settings.update`. */
export type DomainDef = Readonly<Record<string, MethodDef>>;
export type ContractDef = Readonly<Record<string, DomainDef>>;
export type EventsDef = Readonly<Record<string, z.ZodType>>;

export type MethodName<C extends ContractDef> = {
  [D in keyof C & string]: `${D}.${keyof C[D] & string}`;
}[keyof C & string];

export type InputOf<M extends MethodDef> = z.input<M['input']>;
export type OutputOf<M extends MethodDef> = z.output<M['output']>;

/** Looks a dotted name up in a contract; undefined for anything that is not a method there. */
export function findMethod(contract: ContractDef, name: string): MethodDef | undefined {
  const dot = name.indexOf('.');
  if (dot <= 0) return undefined;
  const domainName = name.slice(0, dot);
  const methodName = name.slice(dot + 1);
  if (!Object.hasOwn(contract, domainName)) return undefined;
  const domain = contract[domainName]!;
  if (!Object.hasOwn(domain, methodName)) return undefined;
  return domain[methodName];
}

export function listMethods(contract: ContractDef): string[] {
  return Object.entries(contract).flatMap(([domain, methods]) => Object.keys(methods).map((m) => `${domain}.${m}`));
}

/** Bytes across the boundary (IPC structured clone carries Uint8Array as is). */
export const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { error: 'expected bytes (Uint8Array)' });
