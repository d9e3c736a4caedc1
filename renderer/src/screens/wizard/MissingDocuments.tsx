import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { attachmentMediaTypes, type ValidationReport } from '../../../../electron/contract/drafts';
import { api } from '../../api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useWizard } from '../../wizard/WizardContext';

type MediaType = (typeof attachmentMediaTypes)[number];

function isMediaType(type: string): type is MediaType {
  return (attachmentMediaTypes as readonly string[]).includes(type);
}

/**
 * Papers the procedure needs that are not attached yet, each with a file input: at the counter the
 * official attaches a scan; at the kiosk the resident (or an official helping) does, until the
 * kiosk's own scanner step exists.
 */
export function MissingDocuments({ report, onChanged }: { report: ValidationReport | null; onChanged(): void }) {
  const { t } = useTranslation();
  const { mode, draft, to } = useWizard();
  const [failure, setFailure] = useState<unknown>(null);
  if (!report || report.missingDocuments.length === 0) return null;

  const attach = async (kind: string, event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || !draft.id) return;
    setFailure(null);
    try {
      if (!isMediaType(file.type)) throw new Error('type');
      const content = new Uint8Array(await file.arrayBuffer());
      await api.drafts.attach({ draftId: draft.id, documentKind: kind, fileName: file.name, mediaType: file.type, content });
      onChanged();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section id="missing-documents" tabIndex={-1} aria-labelledby="missing-documents-title" className="missing-documents">
      <h2 id="missing-documents-title" className="heading-m">
        {t('review.missingHeading')}
      </h2>
      <p className="body">{mode === 'kiosk' ? t('review.missingKiosk') : t('review.missingCounter')}</p>
      {failure !== null && <ErrorPanel error={failure} title={t('review.attachFailedTitle')} />}
      <ul className="document-list">
        {report.missingDocuments.map((d) => (
          <li key={d.kind}>
            <span className="document-list__name">{d.name}</span>
            <Link className="button button--secondary" to={to(`quet/${d.kind}`)}>
              {t('scan.scanLink', { name: d.name })}
            </Link>
            {(
              <span className="file-upload">
                <label className="label" htmlFor={`attach-${d.kind}`}>
                  {t('review.attach', { name: d.name })}
                </label>
                <input id={`attach-${d.kind}`} className="file-upload__input" type="file" accept={attachmentMediaTypes.join(',')} onChange={(event) => void attach(d.kind, event)} />
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
