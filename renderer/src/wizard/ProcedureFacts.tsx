import { useTranslation } from 'react-i18next';
import type { ProcedureDefinition } from '../../../electron/contract/procedure';
import { formatVnd } from '../format';
import type { TFunction } from 'i18next';

interface FeeLike {
  label: string;
  amountVnd: number;
  amountSource?: 'fixed' | 'provincial_council' | 'unverified' | undefined;
  note?: string | undefined;
}

/** One fee as a line: its amount, "miễn", or who sets it (a placeholder amount is never shown as "free"). */
export function feeText(fee: FeeLike, t: TFunction): string {
  const base =
    fee.amountSource === 'provincial_council'
      ? t('start.feeProvincial', { label: fee.label })
      : fee.amountSource === 'unverified'
        ? t('start.feeUnverified', { label: fee.label })
        : fee.amountVnd === 0
        ? t('start.feeFree', { label: fee.label })
        : t('start.feeLine', { label: fee.label, amount: formatVnd(fee.amountVnd) });
  return fee.note ? `${base} (${fee.note})` : base;
}

/** What a resident must know before starting: who decides, what it costs, how long, what to bring. */
export function ProcedureFacts({ definition, headingLevel = 2 }: { definition: ProcedureDefinition; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const fees = definition.fees.filter((fee) => fee.channel !== 'online');
  return (
    <>
      <dl className="facts">
        <div className="facts__row">
          <dt className="facts__key">{t('start.agency')}</dt>
          <dd className="facts__value">{definition.agency.name}</dd>
        </div>
        <div className="facts__row">
          <dt className="facts__key">{t('start.fee')}</dt>
          <dd className="facts__value">
            {fees.length === 0
              ? t('start.free')
              : fees.map((fee) => (
                  <span className="facts__line" key={fee.label}>
                    {feeText(fee, t)}
                  </span>
                ))}
          </dd>
        </div>
        <div className="facts__row">
          <dt className="facts__key">{t('start.time')}</dt>
          <dd className="facts__value">
            {definition.processing.workingDays === 0 ? t('start.sameDay') : t('start.workingDays', { count: definition.processing.workingDays })}
            {definition.processing.note && <span className="facts__line">{definition.processing.note}</span>}
          </dd>
        </div>
      </dl>
      {definition.documents.length > 0 && (
        <>
          <H className="heading-m">{t('start.documentsHeading')}</H>
          <ul className="document-list">
            {definition.documents.map((d) => (
              <li key={d.kind}>
                <span className="document-list__name">{d.name}</span>
                <span className="document-list__meta">
                  {[
                    d.originals > 0 ? t('start.originals', { count: d.originals }) : null,
                    d.copies > 0 ? t('start.copies', { count: d.copies }) : null,
                    d.handling === 'show' ? t('start.showOnly') : null,
                    d.fromForm ? t('start.fromForm') : null,
                    d.required && !d.requiredIf ? null : t('start.ifApplicable'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {d.note && <span className="document-list__note">{d.note}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
