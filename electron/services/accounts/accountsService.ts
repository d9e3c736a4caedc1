import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { accountCreateSchema, type Account, type AccountCreate, type AccountListItem, type AccountRole } from '../../contract/accounts';
import { ContractError } from '../../contract/errors';
import { fieldError, parseOrThrow, validationFailed } from '../../contract/validation';
import type { AuditLog } from '../audit/auditLog';
import { hashSecret, verifySecret } from '../secretHash';

/** Wrong PINs in a row before an account is locked; only a supervisor (or the CLI operator) unlocks it. */
export const maxFailedLogins = 5;

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: AccountRole;
  pin_hash: string;
  failed_attempts: number;
  locked: number;
}

function toAccount(row: AccountRow): Account {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}

function pinIncorrect(attemptsLeft: number): ContractError {
  return new ContractError({
    code: 'ACCOUNT_PIN_INCORRECT',
    message_vi: `Tên đăng nhập hoặc mã PIN không đúng. Còn ${attemptsLeft} lần thử trước khi tài khoản bị khóa.`,
    message_en: `The username or PIN is incorrect. ${attemptsLeft} attempt(s) left before the account is locked.`,
    details: { attemptsLeft },
  });
}

function accountLocked(): ContractError {
  return new ContractError({
    code: 'ACCOUNT_LOCKED',
    message_vi: `Tài khoản đã bị khóa sau ${maxFailedLogins} lần nhập sai mã PIN. Hãy nhờ cán bộ quản trị mở khóa.`,
    message_en: `The account is locked after ${maxFailedLogins} wrong PINs. Ask a supervisor to unlock it.`,
    details: { attemptsLeft: 0 },
  });
}

export function supervisorRequired(): ContractError {
  return new ContractError({
    code: 'ACCOUNT_SUPERVISOR_REQUIRED',
    message_vi: 'Cần cán bộ quản trị đăng nhập để thực hiện thao tác này.',
    message_en: 'A supervisor must be signed in to do this.',
  });
}

function signInRequired(): ContractError {
  return new ContractError({
    code: 'ACCOUNT_SIGN_IN_REQUIRED',
    message_vi: 'Hãy đăng nhập trước.',
    message_en: 'Sign in first.',
  });
}

export interface ActingAs {
  /** The audit actor: the transport the call came through ('ipc', 'cli', 'e2e', 'test'). */
  actor: string;
  /** The machine's operator (the CLI): no session needed. Otherwise the signed-in supervisor is. */
  operator?: boolean;
}

/**
 * Officials' local accounts. One signed-in official per app process, held in memory only.
 * While no account exists the app is in first-run setup mode and nothing is gated.
 * Audit entries carry account ids, never usernames or names.
 */
export class AccountsService {
  private sessionId: string | null = null;
  /** Failures against usernames that do not exist, so their answers look exactly like real ones. */
  private readonly phantomFailures = new Map<string, number>();
  private dummyHash: Promise<string> | null = null;
  private readonly byUsername;
  private readonly byId;
  private readonly countAll;
  private readonly all;
  private readonly insert;
  private readonly fail;
  private readonly succeed;
  private readonly unlockRow;
  private readonly setPin;

  constructor(
    db: Database,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {
    this.byUsername = db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE username = ?');
    this.byId = db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?');
    this.countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM accounts');
    this.all = db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY username');
    this.insert = db.prepare<[string, string, string, string, string, string, string]>(
      'INSERT INTO accounts (id, username, display_name, role, pin_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // One statement, so two logins racing cannot both escape the count.
    this.fail = db.prepare<[number, string, string], { failed_attempts: number; locked: number }>(
      'UPDATE accounts SET failed_attempts = failed_attempts + 1, locked = CASE WHEN failed_attempts + 1 >= ? THEN 1 ELSE locked END, updated_at = ? WHERE id = ? RETURNING failed_attempts, locked',
    );
    this.succeed = db.prepare<[string, string]>('UPDATE accounts SET failed_attempts = 0, updated_at = ? WHERE id = ? AND locked = 0');
    this.unlockRow = db.prepare<[string, string]>('UPDATE accounts SET failed_attempts = 0, locked = 0, updated_at = ? WHERE id = ?');
    this.setPin = db.prepare<[string, string, string]>('UPDATE accounts SET pin_hash = ?, updated_at = ? WHERE id = ?');
  }

  /** False in first-run setup mode. */
  any(): boolean {
    return this.countAll.get()!.n > 0;
  }

  current(): Account | null {
    if (this.sessionId === null) return null;
    const row = this.byId.get(this.sessionId);
    return row ? toAccount(row) : null;
  }

  /** Throws ACCOUNT_SUPERVISOR_REQUIRED unless a supervisor is signed in. */
  requireSupervisor(): Account {
    const account = this.current();
    if (account?.role !== 'supervisor') throw supervisorRequired();
    return account;
  }

  /** The gate on settings and the like: open in setup mode, a signed-in supervisor once accounts exist. */
  requireSupervisorOnceAccountsExist(): void {
    if (this.any()) this.requireSupervisor();
  }

  list(): AccountListItem[] {
    return this.all.all().map((row) => ({ ...toAccount(row), locked: row.locked === 1, failedAttempts: row.failed_attempts }));
  }

  async create(input: AccountCreate, acting: ActingAs): Promise<Account> {
    const value = parseOrThrow(accountCreateSchema, input, 'accounts.create');
    if (!acting.operator) {
      if (this.any()) this.requireSupervisor();
      else if (value.role !== 'supervisor') throw validationFailed([fieldError('role', 'firstAccountSupervisor')], 'accounts.create');
    }
    if (this.byUsername.get(value.username)) {
      throw new ContractError({
        code: 'ACCOUNT_USERNAME_TAKEN',
        message_vi: 'Tên đăng nhập này đã có người dùng.',
        message_en: 'This username is already taken.',
        details: { field: 'username' },
      });
    }
    const id = randomUUID();
    const at = this.now().toISOString();
    this.insert.run(id, value.username, value.displayName, value.role, await hashSecret(value.pin), at, at);
    this.audit.append({ actor: acting.actor, action: 'account.create', subjectType: 'account', subjectId: id, details: { accountId: id, role: value.role } });
    return toAccount(this.byId.get(id)!);
  }

  /**
   * Checks a username and PIN with the lockout: each wrong PIN counts, the fifth locks the account,
   * a locked account refuses even the right PIN. An unknown username answers exactly like a wrong PIN.
   */
  async authenticate(username: string, pin: string, actor: string): Promise<Account> {
    const row = this.byUsername.get(username);
    if (!row) {
      // Same work and same answers as for a real account: no way to tell which usernames exist.
      await verifySecret(pin, await this.dummy());
      if (this.phantomFailures.size > 1000) this.phantomFailures.clear();
      const failures = Math.min((this.phantomFailures.get(username) ?? 0) + 1, maxFailedLogins);
      this.phantomFailures.set(username, failures);
      throw failures >= maxFailedLogins ? accountLocked() : pinIncorrect(maxFailedLogins - failures);
    }
    if (row.locked === 1) {
      await verifySecret(pin, row.pin_hash);
      throw accountLocked();
    }
    const at = () => this.now().toISOString();
    if (!(await verifySecret(pin, row.pin_hash))) {
      const after = this.fail.get(maxFailedLogins, at(), row.id)!;
      if (after.locked === 1) {
        if (this.sessionId === row.id) this.sessionId = null;
        if (after.failed_attempts === maxFailedLogins) this.audit.append({ actor, action: 'account.locked', subjectType: 'account', subjectId: row.id, details: { accountId: row.id } });
        throw accountLocked();
      }
      throw pinIncorrect(maxFailedLogins - after.failed_attempts);
    }
    // Locked by a racing wrong PIN while this one was being checked: still locked.
    if (this.succeed.run(at(), row.id).changes === 0) throw accountLocked();
    return toAccount(row);
  }

  async login(username: string, pin: string, actor: string): Promise<Account> {
    const accountId = this.byUsername.get(username)?.id ?? null;
    try {
      const account = await this.authenticate(username, pin, actor);
      this.sessionId = account.id;
      this.audit.append({ actor, action: 'account.login', subjectType: 'account', subjectId: account.id, details: { accountId: account.id, ok: true } });
      return account;
    } catch (error) {
      this.audit.append({ actor, action: 'account.login', subjectType: 'account', subjectId: accountId, details: { accountId, ok: false } });
      throw error;
    }
  }

  logout(): { signedOut: boolean } {
    const was = this.sessionId !== null;
    this.sessionId = null;
    return { signedOut: was };
  }

  unlock(username: string, acting: ActingAs): Account {
    const by = acting.operator ? acting.actor : this.requireSupervisor().id;
    const row = this.byUsername.get(username);
    if (!row) {
      throw new ContractError({
        code: 'NOT_FOUND',
        message_vi: 'Không có tài khoản với tên đăng nhập này.',
        message_en: 'There is no account with this username.',
      });
    }
    this.unlockRow.run(this.now().toISOString(), row.id);
    this.phantomFailures.delete(username);
    this.audit.append({ actor: acting.actor, action: 'account.unlock', subjectType: 'account', subjectId: row.id, details: { accountId: row.id, by } });
    return toAccount(row);
  }

  /** The signed-in official changes their own PIN, proving the current one. */
  async changePin(currentPin: string, newPin: string, actor: string): Promise<{ changed: true }> {
    const account = this.current();
    if (!account) throw signInRequired();
    await this.authenticate(account.username, currentPin, actor);
    this.setPin.run(await hashSecret(newPin), this.now().toISOString(), account.id);
    this.audit.append({ actor, action: 'account.pin-change', subjectType: 'account', subjectId: account.id, details: { accountId: account.id } });
    return { changed: true };
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashSecret(randomBytes(16).toString('hex'));
    return this.dummyHash;
  }
}
