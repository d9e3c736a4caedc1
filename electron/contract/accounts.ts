import { z } from 'zod';
import { method } from './define';
import { msg } from './messages';

export const accountRoleSchema = z.enum(['official', 'supervisor']);
export type AccountRole = z.infer<typeof accountRoleSchema>;

export const usernameSchema = z.string().regex(/^[a-z][a-z0-9._-]{2,31}$/, { error: msg('usernameFormat') });
export const pinSchema = z.string().regex(/^\d{6,12}$/, { error: msg('pinFormat') });

/** An official as the renderer sees it: never the PIN hash. */
export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: accountRoleSchema,
});
export type Account = z.infer<typeof accountSchema>;

export const accountListItemSchema = accountSchema.extend({ locked: z.boolean(), failedAttempts: z.number().int() });
export type AccountListItem = z.infer<typeof accountListItemSchema>;

export const accountCreateSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1, { error: msg('displayNameRequired') }).max(200),
    role: accountRoleSchema,
    pin: pinSchema,
  })
  .strict();
export type AccountCreate = z.input<typeof accountCreateSchema>;

/** A login checks a PIN against whatever was typed: a malformed PIN is just a wrong one (same answer, same counter). */
export const loginSchema = z.object({ username: z.string().min(1).max(64), pin: z.string().min(1).max(64) }).strict();

export const accountsContract = {
  login: method({ summary: 'Signs an official in with a username and PIN', input: loginSchema, output: accountSchema }),
  logout: method({ summary: 'Signs the current official out', input: z.object({}).strict(), output: z.object({ signedOut: z.boolean() }) }),
  current: method({
    summary: 'The signed-in official, and whether any account exists (none: first-run setup mode)',
    input: z.object({}).strict(),
    output: z.object({ account: accountSchema.nullable(), accountsExist: z.boolean() }),
  }),
  list: method({ summary: 'Lists the accounts (a supervisor)', input: z.object({}).strict(), output: z.object({ accounts: z.array(accountListItemSchema) }) }),
  create: method({ summary: 'Creates an account (a supervisor, or anyone while none exists)', input: accountCreateSchema, output: accountSchema }),
  unlock: method({ summary: 'Unlocks a locked account (a supervisor)', input: z.object({ username: z.string().min(1).max(64) }).strict(), output: accountSchema }),
  changePin: method({
    summary: "Changes the signed-in official's own PIN",
    input: z.object({ currentPin: z.string().min(1).max(64), newPin: pinSchema }).strict(),
    output: z.object({ changed: z.literal(true) }),
  }),
};
