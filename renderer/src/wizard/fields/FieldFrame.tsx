import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { describedBy } from '../../components/fieldIds';
import { ScreenHeading } from '../../components/ScreenHeading';

interface LabelTextProps {
  caption?: string | undefined;
  label: string;
  optional: boolean;
}

/** The question's words: the group item it is about, the question, "(không bắt buộc)". */
function LabelText({ caption, label, optional }: LabelTextProps) {
  const { t } = useTranslation();
  return (
    <>
      {caption && (
        <span className="caption">
          {caption}
          <span className="visually-hidden"> — </span>
        </span>
      )}
      {label}
      {optional && <span className="optional"> {t('common.optional')}</span>}
    </>
  );
}

export interface FrameProps extends LabelTextProps {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
  asPageHeading: boolean;
  children(describedBy: string | undefined): ReactNode;
}

export function frameIds(id: string, hint: string | undefined, error: string | undefined) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: describedBy(hintId, errorId) };
}

/** A question with one control: label (the page's h1 at the kiosk), hint, error, control. */
export function FieldFrame({ id, caption, label, optional, hint, error, asPageHeading, children }: FrameProps) {
  const ids = frameIds(id, hint, error);
  const labelElement = (
    <label className={asPageHeading ? 'label label--page' : 'label'} htmlFor={id}>
      <LabelText caption={caption} label={label} optional={optional} />
    </label>
  );
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      {asPageHeading ? <ScreenHeading>{labelElement}</ScreenHeading> : labelElement}
      {hint && (
        <div id={ids.hintId} className="hint">
          {hint}
        </div>
      )}
      {ids.errorId && error && <ErrorMessage id={ids.errorId}>{error}</ErrorMessage>}
      {children(ids.describedBy)}
    </div>
  );
}

/** A question with several controls (radios, a date, an address): a fieldset named by its legend. */
export function FieldsetFrame({ id, caption, label, optional, hint, error, asPageHeading, children }: FrameProps) {
  const ids = frameIds(id, hint, error);
  const text = <LabelText caption={caption} label={label} optional={optional} />;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="fieldset" aria-describedby={ids.describedBy}>
        <legend className={asPageHeading ? 'fieldset__legend fieldset__legend--page' : 'fieldset__legend'}>
          {asPageHeading ? <ScreenHeading>{text}</ScreenHeading> : text}
        </legend>
        {hint && (
          <div id={ids.hintId} className="hint">
            {hint}
          </div>
        )}
        {ids.errorId && error && <ErrorMessage id={ids.errorId}>{error}</ErrorMessage>}
        {children(undefined)}
      </fieldset>
    </div>
  );
}
