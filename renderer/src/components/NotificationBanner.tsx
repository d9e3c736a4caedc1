import type { ReactNode } from 'react';

/** GOV.UK notification banner: something the reader should know that is not an error. */
export function NotificationBanner({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const titleId = `${id}-title`;
  return (
    <section className="notification-banner" aria-labelledby={titleId}>
      <h2 id={titleId} className="notification-banner__title">
        {title}
      </h2>
      <div className="notification-banner__content">{children}</div>
    </section>
  );
}
