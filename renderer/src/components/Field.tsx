import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage';
import { describedBy, fieldId } from './fieldIds';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'className' | 'aria-describedby' | 'aria-invalid'>;

interface TextFieldProps extends InputProps {
  name: string;
  label: string;
  /** Adds "(không bắt buộc)": optional fields say so, required ones carry no asterisk. */
  optional?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  /** A react-hook-form field; without it the input is controlled through `value` and `onChange`. */
  registration?: UseFormRegisterReturn;
  width?: 'full' | 'code';
  /** The input's id (its hint and error ids derive from it); default `field-<name>`. */
  id?: string;
  /** For a controlled input the screen focuses itself (a dialog's first field). */
  inputRef?: Ref<HTMLInputElement>;
}

/** A GOV.UK text input: label, hint, inline error, then the input that both describe. */
export function TextField({ name, label, optional = false, hint, error, registration, width = 'full', id = fieldId(name), inputRef, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={id}>
        {label}
        {optional && ` ${t('common.optional')}`}
      </label>
      {hint && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
      {errorId && error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <input
        ref={inputRef}
        id={id}
        className={`input input--${width}${error ? ' input--error' : ''}`}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={error ? true : undefined}
        name={name}
        {...input}
        {...registration}
      />
    </div>
  );
}

interface RadioOption {
  value: string;
  label: string;
  /** The language of the label when it differs from the page's ("English" on a Vietnamese page). */
  lang?: string;
}

interface RadioGroupProps {
  name: string;
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly RadioOption[];
  registration: UseFormRegisterReturn;
}

/** Radios in a fieldset; the first radio carries `field-<name>` so the error summary can reach it. */
export function RadioGroup({ name, legend, hint, error, options, registration }: RadioGroupProps) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint && (
          <div id={hintId} className="hint">
            {hint}
          </div>
        )}
        {errorId && error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="radios">
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div className="radios__item" key={option.value}>
                <input id={optionId} className="radios__input" type="radio" value={option.value} {...registration} />
                <label className="radios__label" htmlFor={optionId} lang={option.lang}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

interface CheckboxFieldProps {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  registration: UseFormRegisterReturn;
}

/** One yes/no choice. */
export function CheckboxField({ name, label, hint, error, registration }: CheckboxFieldProps) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      {errorId && error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <div className="checkboxes__item">
        <input
          id={id}
          className="checkboxes__input"
          type="checkbox"
          aria-describedby={describedBy(hintId, errorId)}
          aria-invalid={error ? true : undefined}
          {...registration}
        />
        <label className="checkboxes__label" htmlFor={id}>
          {label}
        </label>
        {hint && (
          <div id={hintId} className="hint checkboxes__hint">
            {hint}
          </div>
        )}
      </div>
    </div>
  );
}
