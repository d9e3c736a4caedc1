import { useTranslation } from 'react-i18next';
import type { ScanPage } from '../../../../electron/contract/scanning';

interface Props {
  pages: ScanPage[];
  disabled: boolean;
  onMove(from: number, to: number): void;
  onRotate(index: number): void;
  onDelete(index: number): void;
  onRescan(index: number): void;
}

/**
 * The scanned pages as an ordered list of thumbnails, each with buttons (no drag gestures: the
 * kiosk checklist forbids them); every button names its page for screen readers.
 */
export function ScanPageList({ pages, disabled, onMove, onRotate, onDelete, onRescan }: Props) {
  const { t } = useTranslation();
  if (pages.length === 0) return null;
  const action = (label: string, page: number, onClick: () => void, hidden = false) =>
    hidden ? null : (
      <button type="button" className="button button--secondary scan-pages__action" aria-disabled={disabled} onClick={() => !disabled && onClick()}>
        {label}
        <span className="visually-hidden"> {t('scan.pageLabel', { page })}</span>
      </button>
    );
  return (
    <section aria-labelledby="scan-pages-title">
      <h2 id="scan-pages-title" className="heading-m">
        {t('scan.pagesHeading', { count: pages.length })}
      </h2>
      <ol className="scan-pages">
        {pages.map((page, index) => (
          <li className="scan-pages__item" key={page.id} data-page-id={page.id}>
            <img className="scan-pages__thumb" src={page.thumbnail} alt={t('scan.pageLabel', { page: index + 1 })} />
            <p className="body scan-pages__caption">{t('scan.pageLabel', { page: index + 1 })}</p>
            {page.blank && <p className="scan-pages__warning">{t('scan.blankWarning')}</p>}
            <div className="scan-pages__actions">
              {action(t('scan.moveUp'), index + 1, () => onMove(index, index - 1), index === 0)}
              {action(t('scan.moveDown'), index + 1, () => onMove(index, index + 1), index === pages.length - 1)}
              {action(t('scan.rotate'), index + 1, () => onRotate(index))}
              {action(t('scan.rescan'), index + 1, () => onRescan(index))}
              {action(t('scan.delete'), index + 1, () => onDelete(index))}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
