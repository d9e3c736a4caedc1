import { useTranslation } from 'react-i18next';
import type { LeafQuestion } from '../../../../electron/contract/procedure';
import { ErrorPanel } from '../../components/ErrorPanel';
import { pathDomId } from '../answerPaths';
import { communes, provinces, useUnits, type Unit, type UnitsState } from '../units';
import { FieldsetFrame } from './FieldFrame';
import type { QuestionFieldProps } from './types';

type AddressQ = Extract<LeafQuestion, { type: 'address' }>;

interface AddressValue {
  provinceCode: string;
  communeCode: string;
  detail: string;
}

function addressValue(value: unknown): AddressValue {
  const v = (value ?? {}) as Partial<AddressValue>;
  return { provinceCode: v.provinceCode ?? '', communeCode: v.communeCode ?? '', detail: v.detail ?? '' };
}

function UnitSelect({ id, label, state, value, onChange, invalid }: { id: string; label: string; state: UnitsState; value: string; onChange(code: string): void; invalid: boolean }) {
  const { t } = useTranslation();
  const units: Unit[] = state.status === 'ready' ? state.units : [];
  return (
    <div className="form-group form-group--nested">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className={`select${invalid ? ' input--error' : ''}`}
        value={value}
        disabled={state.status !== 'ready'}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid || undefined}
      >
        <option value="">{state.status === 'loading' ? t('app.loading') : t('wizard.choose')}</option>
        {units.map((unit) => (
          <option key={unit.code} value={unit.code}>
            {unit.fullName}
          </option>
        ))}
      </select>
      {state.status === 'failed' && <ErrorPanel error={state.error} />}
    </div>
  );
}

/** An address of the 2025 units: province, then its commune or ward, then the street detail. */
export function AddressQuestion({ path, question, caption, optional, value, onChange, error, asPageHeading }: QuestionFieldProps<AddressQ>) {
  const { t } = useTranslation();
  const id = pathDomId(path);
  const address = addressValue(value);
  const provinceList = useUnits(provinces, 'provinces');
  const communeList = useUnits(address.provinceCode ? () => communes(address.provinceCode) : null, `communes:${address.provinceCode}`);
  const change = (next: AddressValue) => onChange(next.provinceCode === '' && next.communeCode === '' && next.detail === '' ? undefined : next);
  return (
    <FieldsetFrame id={id} caption={caption} label={question.label} optional={optional} hint={question.hint} error={error} asPageHeading={asPageHeading}>
      {() => (
        <>
          <UnitSelect
            id={id}
            label={t('wizard.province')}
            state={provinceList}
            value={address.provinceCode}
            invalid={Boolean(error) && address.provinceCode === ''}
            onChange={(provinceCode) => change({ ...address, provinceCode, communeCode: '' })}
          />
          <UnitSelect
            id={`${id}-commune`}
            label={t('wizard.commune')}
            state={address.provinceCode ? communeList : { status: 'idle' }}
            value={address.communeCode}
            invalid={Boolean(error) && address.communeCode === ''}
            onChange={(communeCode) => change({ ...address, communeCode })}
          />
          <div className="form-group form-group--nested">
            <label className="label" htmlFor={`${id}-detail`}>
              {t('wizard.addressDetail')}
            </label>
            <div id={`${id}-detail-hint`} className="hint">
              {t('wizard.addressDetailHint')}
            </div>
            <input
              id={`${id}-detail`}
              className="input input--full"
              type="text"
              autoComplete="off"
              value={address.detail}
              onChange={(event) => change({ ...address, detail: event.target.value })}
              aria-describedby={`${id}-detail-hint`}
            />
          </div>
        </>
      )}
    </FieldsetFrame>
  );
}
