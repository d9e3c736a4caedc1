import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountCreateSchema, ContractError, type AccountListItem, type AccountRole } from '../../../electron/contract/index';
import { api } from '../api';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary, type SummaryItem } from '../components/ErrorSummary';
import { PinField } from '../components/PinField';
import { TextField } from '../components/Field';
import { fieldId } from '../components/fieldIds';
import { ScreenHeading } from '../components/ScreenHeading';
import { i18nMessage, validationErrorsOf, validationText } from '../errors';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useLanguage } from '../hooks/useLanguage';
import { useSession } from '../state/AppState';

const fields = ['displayName', 'username', 'pin', 'pinAgain'] as const;
type Field = (typeof fields)[number];
type Problems = Partial<Record<Field, string>>;

interface Draft {
  username: string;
  displayName: string;
  role: AccountRole;
  pin: string;
  pinAgain: string;
}
const empty: Draft = { username: '', displayName: '', role: 'official', pin: '', pinAgain: '' };

/**
 * "Tài khoản cán bộ" (a supervisor; anyone in first-run setup): who may work at this counter, who is
 * locked out after five wrong PINs, and a form to add an official. PINs are typed twice and go
 * straight to the app, which keeps only a scrypt hash.
 */
export default function AccountsScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { session, replaceSession } = useSession();
  const [accounts, setAccounts] = useState<AccountListItem[] | null>(null);
  const [draft, setDraft] = useState<Draft>(session.accountsExist ? empty : { ...empty, role: 'supervisor' });
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  // Bumped after a change, to read the list again.
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    if (!session.accountsExist) return;
    let current = true;
    api.accounts.list().then(
      (r) => current && setAccounts(r.accounts),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [session.accountsExist, version]);

  const items: SummaryItem[] = fields.flatMap((name) => (problems[name] ? [{ target: fieldId(name), text: problems[name] }] : []));
  useDocumentTitle(t('accounts.title'), items.length > 0 || failure !== null);
  const set = (name: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    setNotice(null);
    const candidate = { username: draft.username.trim(), displayName: draft.displayName, role: draft.role, pin: draft.pin };
    const parsed = accountCreateSchema.safeParse(candidate, { error: () => i18nMessage('errors.invalid') });
    const found: Problems = {};
    for (const issue of parsed.error?.issues ?? []) {
      const name = issue.path[0];
      if (typeof name === 'string' && (fields as readonly string[]).includes(name)) found[name as Field] ??= validationText(issue.message, lang, t);
    }
    if (draft.pin !== draft.pinAgain && !found.pin) found.pinAgain = t('accounts.pinMismatch');
    setProblems(found);
    setAttempt((n) => n + 1);
    if (!parsed.success || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const account = await api.accounts.create(parsed.data);
      setDraft(empty);
      setProblems({});
      setNotice(t('accounts.created', { name: account.displayName, username: account.username }));
      // The first account ends first-run setup mode: from now on the counter asks to sign in.
      if (!session.accountsExist) replaceSession(await api.accounts.current());
      else reload();
    } catch (error) {
      setDraft((d) => ({ ...d, pin: '', pinAgain: '' }));
      const invalid = validationErrorsOf(error);
      if (invalid && invalid.length > 0) {
        setProblems(Object.fromEntries(invalid.filter((e) => (fields as readonly string[]).includes(e.path)).map((e) => [e.path, lang === 'en' ? e.message_en : e.message_vi])));
        if (invalid.some((e) => !(fields as readonly string[]).includes(e.path))) setFailure(error);
      } else if (error instanceof ContractError && error.code === 'ACCOUNT_USERNAME_TAKEN') {
        setProblems({ username: lang === 'en' ? error.message_en : error.message_vi });
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const unlock = async (account: AccountListItem) => {
    setFailure(null);
    try {
      await api.accounts.unlock({ username: account.username });
      setNotice(t('accounts.unlocked', { name: account.displayName }));
      reload();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <BackLink to="/settings" />
      <ErrorSummary items={items} focusKey={attempt} />
      {failure !== null && <ErrorPanel error={failure} />}
      <ScreenHeading>{t('accounts.title')}</ScreenHeading>
      <div role="status" className={notice ? 'success-panel' : 'success-panel success-panel--empty'}>
        {notice && <p className="success-panel__text">{notice}</p>}
      </div>
      {!session.accountsExist && <p className="body">{t('accounts.firstRun')}</p>}

      {accounts !== null && accounts.length > 0 && (
        <table className="table">
          <caption className="table__caption">{t('accounts.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accounts.nameColumn')}</th>
              <th scope="col">{t('signIn.usernameLabel')}</th>
              <th scope="col">{t('accounts.roleColumn')}</th>
              <th scope="col">{t('accounts.stateColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td>{a.displayName}</td>
                <td>{a.username}</td>
                <td>{t(a.role === 'supervisor' ? 'accounts.roleSupervisor' : 'accounts.roleOfficial')}</td>
                <td>
                  {a.locked ? (
                    <>
                      <strong className="tag tag--red">{t('accounts.locked')}</strong>{' '}
                      <button type="button" className="button button--secondary" onClick={() => void unlock(a)}>
                        {t('accounts.unlock', { name: a.displayName })}
                      </button>
                    </>
                  ) : (
                    <strong className="tag">{t('accounts.active')}</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="heading-m">{t('accounts.addHeading')}</h2>
      <form noValidate onSubmit={(event) => void create(event)}>
        <TextField
          name="displayName"
          label={t('accounts.displayNameLabel')}
          error={problems.displayName}
          autoComplete="off"
          value={draft.displayName}
          onChange={(event) => set('displayName')(event.target.value)}
        />
        <TextField
          name="username"
          label={t('signIn.usernameLabel')}
          hint={t('accounts.usernameHint')}
          error={problems.username}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          width="code"
          value={draft.username}
          onChange={(event) => set('username')(event.target.value)}
        />
        <fieldset className="fieldset form-group">
          <legend className="fieldset__legend">{t('accounts.roleColumn')}</legend>
          <div className="radios">
            {(['official', 'supervisor'] as const).map((role) => (
              <div className="radios__item" key={role}>
                <input
                  id={`account-role-${role}`}
                  className="radios__input"
                  type="radio"
                  name="role"
                  value={role}
                  checked={draft.role === role}
                  onChange={() => set('role')(role)}
                />
                <label className="label radios__label" htmlFor={`account-role-${role}`}>
                  {t(role === 'supervisor' ? 'accounts.roleSupervisorHint' : 'accounts.roleOfficialHint')}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <PinField id={fieldId('pin')} name="pin" label={t('signIn.pinLabel')} hint={t('accounts.pinHint')} error={problems.pin} value={draft.pin} onChange={set('pin')} />
        <PinField id={fieldId('pinAgain')} name="pinAgain" label={t('accounts.pinAgainLabel')} error={problems.pinAgain} value={draft.pinAgain} onChange={set('pinAgain')} />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t('accounts.add')}
        </button>
      </form>
    </>
  );
}
