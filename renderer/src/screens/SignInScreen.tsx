import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../electron/contract/index';
import { api } from '../api';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary, type SummaryItem } from '../components/ErrorSummary';
import { TextField } from '../components/Field';
import { PinField } from '../components/PinField';
import { ScreenHeading } from '../components/ScreenHeading';
import { errorText } from '../errors';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useLanguage } from '../hooks/useLanguage';
import { useSession } from '../state/AppState';

/** Answers about the PIN typed (wrong, or the account locked): shown on the PIN field. */
const pinErrors = new Set(['ACCOUNT_PIN_INCORRECT', 'ACCOUNT_LOCKED']);

interface Problems {
  username?: string;
  pin?: string;
  other?: unknown;
}

/**
 * "Đăng nhập cán bộ": shown instead of a counter screen (or Settings) while no official is signed in.
 * The PIN is checked by the app; five wrong PINs lock the account until a supervisor unlocks it.
 */
export function SignInScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { replaceSession } = useSession();
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const items: SummaryItem[] = [
    ...(problems.username ? [{ target: 'signin-username', text: problems.username }] : []),
    ...(problems.pin ? [{ target: 'signin-pin', text: problems.pin }] : []),
  ];
  useDocumentTitle(t('signIn.title'), items.length > 0 || problems.other !== undefined);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const name = username.trim();
    const found: Problems = {};
    if (name === '') found.username = t('signIn.usernameRequired');
    if (pin === '') found.pin = t('signIn.pinRequired');
    if (found.username || found.pin) {
      setProblems(found);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const account = await api.accounts.login({ username: name, pin });
      replaceSession({ account, accountsExist: true });
    } catch (error) {
      setPin('');
      setProblems(error instanceof ContractError && pinErrors.has(error.code) ? { pin: errorText(error, lang, t) } : { other: error });
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <BackLink to="/" />
      <ErrorSummary items={items} focusKey={attempt} />
      {problems.other !== undefined && <ErrorPanel error={problems.other} />}
      <ScreenHeading>{t('signIn.title')}</ScreenHeading>
      <p className="body">{t('signIn.body')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="signin-username"
          name="username"
          label={t('signIn.usernameLabel')}
          error={problems.username}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <PinField
          id="signin-pin"
          name="pin"
          label={t('signIn.pinLabel')}
          hint={t('signIn.pinHint')}
          error={problems.pin}
          value={pin}
          onChange={setPin}
        />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t('signIn.submit')}
        </button>
      </form>
    </>
  );
}

/** Shown to a signed-in official on a screen that needs a supervisor (Settings). */
export function SupervisorRequiredScreen() {
  const { t } = useTranslation();
  const { replaceSession } = useSession();
  useDocumentTitle(t('signIn.supervisorTitle'));
  const signOut = async () => {
    await api.accounts.logout();
    replaceSession({ account: null, accountsExist: true });
  };
  return (
    <>
      <BackLink to="/" />
      <ScreenHeading>{t('signIn.supervisorTitle')}</ScreenHeading>
      <p className="body">{t('signIn.supervisorBody')}</p>
      <button type="button" className="button button--secondary" onClick={() => void signOut()}>
        {t('signIn.signOut')}
      </button>
    </>
  );
}
