import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface SummaryItem {
  /** The id of the field to jump to; null for an error no field on the screen owns. */
  target: string | null;
  text: string;
  /** An error whose field is on another screen: the link goes there (the review page's errors). */
  to?: string;
}

/** Moves to a field the way GOV.UK does: its label or legend scrolled into view, the field focused. */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, target: string) {
  // With hash routing, following `#field-x` would change the route.
  event.preventDefault();
  const field = document.getElementById(target);
  if (!field) return;
  const legend = field.closest('fieldset')?.querySelector('legend');
  const label = document.querySelector(`label[for="${CSS.escape(target)}"]`);
  (legend ?? label ?? field).scrollIntoView({ block: 'start' });
  field.focus({ preventScroll: true });
}

/**
 * GOV.UK error summary: at the top of the screen, focused when it appears (or when the same errors
 * come back after another try: `focusKey` changes), each error a link to its field.
 */
export function ErrorSummary({ items, focusKey }: { items: readonly SummaryItem[]; focusKey: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {t('errors.summaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {items.map((item, index) => (
          <li key={`${item.target ?? ''}-${index}`}>
            {item.to ? (
              <Link to={item.to}>{item.text}</Link>
            ) : item.target ? (
              <a href={`#${item.target}`} onClick={(event) => jumpTo(event, item.target!)}>
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
