import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useParams, useSearchParams } from 'react-router';
import type { Answers, ProcedureDefinition } from '../../../electron/contract/procedure';
import { api } from '../api';
import { ErrorPanel } from '../components/ErrorPanel';
import { ScreenHeading } from '../components/ScreenHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useKioskSession } from '../kiosk/KioskSession';
import { setAt } from './answerPaths';
import { useDraft } from './useDraft';
import { WizardContext, wizardPath, type Wizard, type WizardMode } from './WizardContext';

/** Drafts this window created at the counter: their id arriving in the address must not reload the wizard. */
const createdHere = new Set<string>();

type Loaded = { definition: ProcedureDefinition; answers: Answers; id: string | null; retrievalCode: string | null };

/**
 * The frame of one procedure's screens (start page, questions or steps, review): loads the
 * definition and the draft named by `?hoSo=`, holds the answers, autosaves every change.
 * At the kiosk only a draft of the current kiosk session is shown: any other `?hoSo=` (an address
 * left in the history by the previous resident) leads to the welcome screen.
 */
export default function WizardLayout({ mode }: { mode: WizardMode }) {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const { store } = useKioskSession();
  const draftId = params.get('hoSo');
  if (mode === 'kiosk' && draftId && !store.owns(draftId)) return <Navigate to="/kiosk" replace />;
  const created = mode === 'kiosk' ? store.createdHere(draftId ?? '') : createdHere.has(draftId ?? '');
  const sessionDraft = draftId && !created ? draftId : '';
  return <WizardLoader key={`${code}|${sessionDraft}`} mode={mode} code={code} draftId={draftId} />;
}

function WizardLoader({ mode, code, draftId }: { mode: WizardMode; code: string; draftId: string | null }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    (async () => {
      const definition = await api.catalogue.get({ code });
      const draft = draftId ? await api.drafts.get({ id: draftId }) : null;
      if (current) setLoaded({ definition, answers: draft?.answers ?? {}, id: draft?.id ?? null, retrievalCode: draft?.retrievalCode ?? null });
    })().catch((error: unknown) => current && setFailure(error));
    return () => {
      current = false;
    };
    // The draft is read once per session (see WizardLayout's key).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code]);

  if (failure !== null) return <LoadFailed error={failure} />;
  if (!loaded) return <LoadingText />;
  return <WizardSession mode={mode} loaded={loaded} />;
}

function LoadingText() {
  const { t } = useTranslation();
  return <p className="body">{t('app.loading')}</p>;
}

function LoadFailed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  useDocumentTitle(t('wizard.loadFailedTitle'), true);
  return (
    <>
      <ScreenHeading>{t('wizard.loadFailedTitle')}</ScreenHeading>
      <ErrorPanel error={error} />
    </>
  );
}

function WizardSession({ mode, loaded }: { mode: WizardMode; loaded: Loaded }) {
  const { definition } = loaded;
  const [answers, setAnswers] = useState<Answers>(loaded.answers);
  const [, setParams] = useSearchParams();
  const { store } = useKioskSession();
  // A save still on its way when the kiosk session is wiped must not bring the draft back.
  const [generation] = useState(store.generation);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const onCreated = useCallback(
    (id: string) => {
      if (mode === 'kiosk') {
        store.adopt(id, 'created', generation);
        if (!mounted.current || store.generation !== generation) return;
      } else {
        createdHere.add(id);
        if (!mounted.current) return;
      }
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('hoSo', id);
          return next;
        },
        { replace: true },
      );
    },
    [setParams, mode, store, generation],
  );

  const { status, schedule, flush } = useDraft({
    procedureCode: definition.code,
    mode,
    initial: { id: loaded.id, retrievalCode: loaded.retrievalCode },
    onCreated,
  });

  // The answers as last changed, for several changes in one event (state updates are batched).
  const answersRef = useRef(answers);
  const updateAnswers = useCallback(
    (update: (answers: Answers) => Answers) => {
      const previous = answersRef.current;
      const next = update(previous);
      if (next === previous) return;
      answersRef.current = next;
      setAnswers(next);
      schedule(next);
    },
    [schedule],
  );

  const setAnswer = useCallback((path: string, value: unknown) => updateAnswers((a) => setAt(a, path, value)), [updateAnswers]);

  const value = useMemo<Wizard>(
    () => ({
      mode,
      definition,
      answers,
      setAnswer,
      updateAnswers,
      draft: status,
      flush,
      to: (sub = '', query = {}) => wizardPath(mode, definition.code, status.id, sub, query),
    }),
    [mode, definition, answers, setAnswer, updateAnswers, status, flush],
  );

  return (
    <WizardContext.Provider value={value}>
      <Suspense fallback={<LoadingText />}>
        <Outlet />
      </Suspense>
    </WizardContext.Provider>
  );
}
