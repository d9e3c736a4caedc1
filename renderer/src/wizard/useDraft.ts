import { useCallback, useEffect, useRef, useState } from 'react';
import type { Answers } from '../../../electron/contract/procedure';
import { api } from '../api';

export const autosaveDelayMs = 250;
const retryDelayMs = 2000;

export interface DraftStatus {
  id: string | null;
  retrievalCode: string | null;
  /** When the app last acknowledged a save (it is durable from then on). */
  savedAt: Date | null;
  /** A change not acknowledged yet. */
  pending: boolean;
  /** The last save failed; it is retried, and on the next change. */
  error: unknown;
}

interface Options {
  procedureCode: string;
  mode: 'counter' | 'kiosk';
  initial: { id: string | null; retrievalCode: string | null };
  /** Called once, when the first save gives the draft its id. */
  onCreated(id: string): void;
}

/**
 * Autosave: every change is saved ≤ 250 ms later. Saves run one at a time and each carries all the
 * answers, so a save acknowledged later never drops a change acknowledged earlier; the first save's
 * id is awaited before the next one, so one session never makes two drafts.
 */
export function useDraft({ procedureCode, mode, initial, onCreated }: Options) {
  const [status, setStatus] = useState<DraftStatus>({ ...initial, savedAt: null, pending: false, error: null });
  const idRef = useRef(initial.id);
  const latest = useRef<Answers | null>(null);
  const changeSeq = useRef(0);
  const savedSeq = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastError = useRef<unknown>(null);
  const onCreatedRef = useRef(onCreated);
  useEffect(() => {
    onCreatedRef.current = onCreated;
  }, [onCreated]);

  const run = useCallback((): Promise<void> => {
    if (inFlight.current) return inFlight.current;
    if (latest.current === null || savedSeq.current >= changeSeq.current) return Promise.resolve();
    const seq = changeSeq.current;
    const answers = latest.current;
    const id = idRef.current;
    const attempt = (async () => {
      try {
        const saved = await api.drafts.save({ ...(id ? { id } : {}), procedureCode, mode, answers });
        savedSeq.current = seq;
        lastError.current = null;
        if (!idRef.current) {
          idRef.current = saved.id;
          onCreatedRef.current(saved.id);
        }
        setStatus({ id: saved.id, retrievalCode: saved.retrievalCode, savedAt: new Date(), pending: changeSeq.current > seq, error: null });
      } catch (error) {
        lastError.current = error;
        setStatus((s) => ({ ...s, pending: true, error }));
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void run(), retryDelayMs);
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = attempt.then(() => {
      // Changes made while this save was on its way go in the next one, at once.
      if (savedSeq.current === seq && changeSeq.current > seq) return run();
    });
    return inFlight.current;
  }, [procedureCode, mode]);

  const schedule = useCallback(
    (answers: Answers) => {
      latest.current = answers;
      changeSeq.current += 1;
      setStatus((s) => (s.pending ? s : { ...s, pending: true }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void run(), autosaveDelayMs);
    },
    [run],
  );

  /** Saves now whatever is not saved yet; resolves with the draft id once it is acknowledged. */
  const flush = useCallback(async (): Promise<string | null> => {
    if (timer.current) clearTimeout(timer.current);
    for (let guard = 0; guard < 5 && (inFlight.current || savedSeq.current < changeSeq.current); guard++) {
      await run();
    }
    if (savedSeq.current < changeSeq.current) throw lastError.current ?? new Error('draft not saved');
    return idRef.current;
  }, [run]);

  // Leaving the page (a reload, the window closing): send what is left without waiting.
  useEffect(() => {
    const leave = () => void run();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      if (timer.current) clearTimeout(timer.current);
      void run();
    };
  }, [run]);

  return { status, schedule, flush };
}
