import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { ErrorPanel } from '../components/ErrorPanel';
import { KioskKeyboard } from '../keyboard/KioskKeyboard';
import { Face } from './RatingFaces';

const scores = [1, 2, 3, 4, 5] as const;

/**
 * The satisfaction rating at the end of a kiosk submission, as one-stop shops practise it: five
 * faces and an optional comment. Sent with the procedure code only, never the dossier: the
 * rating cannot be traced back to the resident.
 */
export function KioskRating({ procedureCode }: { procedureCode: string }) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [typing, setTyping] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      setMissing(true);
      return;
    }
    setFailure(null);
    try {
      const text = comment.trim();
      await api.kioskAssist.rate({ score, procedureCode, ...(text ? { comment: text } : {}) });
      setSent(true);
    } catch (error) {
      setFailure(error);
    }
  };

  if (sent) {
    return (
      <section className="rating" aria-labelledby="rating-title">
        <h2 id="rating-title" className="heading-m" role="status">
          {t('kioskAccess.rating.thanks')}
        </h2>
      </section>
    );
  }
  return (
    <section className="rating" aria-labelledby="rating-title">
      <h2 id="rating-title" className="heading-m">
        {t('kioskAccess.rating.heading')}
      </h2>
      <p className="hint">{t('kioskAccess.rating.hint')}</p>
      {failure !== null && <ErrorPanel error={failure} title={t('kioskAccess.rating.failed')} />}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="rating__faces" aria-describedby={missing ? 'rating-error' : undefined}>
          <legend className="visually-hidden">{t('kioskAccess.rating.legend')}</legend>
          {missing && score === null && <ErrorMessage id="rating-error">{t('kioskAccess.rating.chooseFirst')}</ErrorMessage>}
          {scores.map((s) => (
            <div className="rating__face" key={s}>
              <input type="radio" id={`rating-${s}`} name="rating" value={s} checked={score === s} onChange={() => setScore(s)} />
              <label htmlFor={`rating-${s}`}>
                <Face score={s} />
                {t(`kioskAccess.rating.score${s}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <div className="form-group">
          <label className="label" htmlFor="rating-comment">
            {t('kioskAccess.rating.commentLabel')}
          </label>
          <div id="rating-comment-hint" className="hint">
            {t('kioskAccess.rating.commentHint')}
          </div>
          <textarea
            id="rating-comment"
            className="input textarea"
            rows={3}
            maxLength={500}
            value={comment}
            aria-describedby="rating-comment-hint"
            onFocus={() => setTyping(true)}
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
        {typing && <KioskKeyboard />}
        <button type="submit" className="button">
          {t('kioskAccess.rating.submit')}
        </button>
      </form>
    </section>
  );
}
