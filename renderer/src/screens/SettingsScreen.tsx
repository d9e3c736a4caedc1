import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FieldError as ContractFieldError, PrinterInfo, SettingsUpdate } from '../../../electron/contract/index';
import { api } from '../api';
import { BackLink } from '../components/BackLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { ErrorSummary, type SummaryItem } from '../components/ErrorSummary';
import { CheckboxField, RadioGroup, TextField } from '../components/Field';
import { fieldId } from '../components/fieldIds';
import { ScreenHeading } from '../components/ScreenHeading';
import { validationErrorsOf, validationText } from '../errors';
import { setLanguage } from '../i18n';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useLanguage } from '../hooks/useLanguage';
import { useSettings } from '../state/AppState';
import {
  formValuesOf,
  isSettingsField,
  settingsErrorMap,
  settingsFields,
  settingsFormSchema,
  type SettingsField,
  type SettingsFormValues,
} from './settingsForm';

/**
 * The settings form. Errors follow GOV.UK: checked on "Lưu cài đặt", listed in a focused summary at
 * the top that links to each field, and shown again next to the field. The app checks again; its
 * VALIDATION_FAILED answer is mapped to the same fields by path.
 */
export default function SettingsScreen() {
  const { t } = useTranslation();
  const [printers, setPrinters] = useState<PrinterInfo[] | null>(null);
  useEffect(() => {
    let current = true;
    api.documents.printers().then(
      (r) => current && setPrinters(r.printers),
      () => current && setPrinters([]),
    );
    return () => {
      current = false;
    };
  }, []);
  const lang = useLanguage();
  const { settings, replaceSettings } = useSettings();
  // Validation compares with the settings as saved now, so it is rebuilt when they change.
  const resolver = useMemo(() => zodResolver(settingsFormSchema(settings), { error: settingsErrorMap }), [settings]);
  const { register, handleSubmit, reset, control, formState } = useForm<SettingsFormValues, unknown, SettingsUpdate>({
    defaultValues: formValuesOf(settings),
    resolver,
    mode: 'onSubmit',
    // Errors stay until the next try, as GOV.UK does: the summary never goes out of date under the reader.
    reValidateMode: 'onSubmit',
    // The error summary takes the focus, not the first field.
    shouldFocusError: false,
  });
  const { errors: clientErrors, isSubmitting, isDirty } = formState;

  const [serverErrors, setServerErrors] = useState<ContractFieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [summaryFocusKey, setSummaryFocusKey] = useState(0);
  const statusRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  // The language choice shows at once; leaving without saving puts the saved one back (see App).
  const chosenLanguage = useWatch({ control, name: 'language' });
  useEffect(() => setLanguage(chosenLanguage), [chosenLanguage]);

  // Settings changed elsewhere (the app's event) refresh a form nobody is editing.
  useEffect(() => {
    if (!isDirty) reset(formValuesOf(settings));
  }, [settings, isDirty, reset]);

  // The outcome appears at the top; bring it into view from the Save button at the bottom.
  useEffect(() => {
    if (saved) statusRef.current?.scrollIntoView({ block: 'nearest' });
  }, [saved]);
  useEffect(() => {
    if (failure !== null) failureRef.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);

  const fieldError = (name: SettingsField): string | undefined => {
    const client = clientErrors[name]?.message;
    if (client) return validationText(client, lang, t);
    const server = serverErrors.find((e) => e.path === name);
    return server ? (lang === 'en' ? server.message_en : server.message_vi) : undefined;
  };

  const summaryItems: SummaryItem[] = [
    ...settingsFields.flatMap((name) => {
      const text = fieldError(name);
      return text ? [{ target: fieldId(name), text }] : [];
    }),
    ...serverErrors
      .filter((e) => !isSettingsField(e.path))
      .map((e) => {
        const message = lang === 'en' ? e.message_en : e.message_vi;
        return { target: null, text: e.path === '(input)' ? message : t('errors.otherField', { field: e.path, message }) };
      }),
  ];

  useDocumentTitle(t('settings.screen'), summaryItems.length > 0 || failure !== null);

  const startAttempt = () => {
    setServerErrors([]);
    setFailure(null);
    setSaved(false);
  };

  const onValid = async (update: SettingsUpdate) => {
    startAttempt();
    if (Object.keys(update).length === 0) {
      setSaved(true);
      return;
    }
    try {
      const next = await api.settings.update(update);
      replaceSettings(next);
      reset(formValuesOf(next));
      setSaved(true);
    } catch (error) {
      const fields = validationErrorsOf(error);
      if (fields && fields.length > 0) {
        setServerErrors(fields);
        setSummaryFocusKey((k) => k + 1);
      } else {
        setFailure(error);
      }
    }
  };

  const onInvalid = () => {
    startAttempt();
    setSummaryFocusKey((k) => k + 1);
  };

  const submit = handleSubmit(onValid, onInvalid);

  return (
    <>
      <BackLink to="/" />
      {summaryItems.length > 0 && <ErrorSummary items={summaryItems} focusKey={summaryFocusKey} />}
      <div ref={failureRef}>{failure !== null && <ErrorPanel error={failure} title={t('settings.saveFailedTitle')} />}</div>
      <ScreenHeading>{t('settings.title')}</ScreenHeading>
      <p className="body">
        <Link to="/settings/tai-khoan">
          {t('settings.accountsLink')}
        </Link>
      </p>
      <div ref={statusRef} role="status" className={saved ? 'success-panel' : 'success-panel success-panel--empty'}>
        {saved && <p className="success-panel__text">{t('settings.saved')}</p>}
      </div>

      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          if (isSubmitting) {
            event.preventDefault();
            return;
          }
          void submit(event);
        }}
      >
        <h2 className="heading-m">{t('settings.unitHeading')}</h2>
        <TextField
          name="unitName"
          label={t('settings.unitNameLabel')}
          hint={t('settings.unitNameHint')}
          error={fieldError('unitName')}
          autoComplete="organization"
          registration={register('unitName')}
        />
        <TextField
          name="agencyCode"
          label={t('settings.agencyCodeLabel')}
          optional
          hint={t('settings.agencyCodeHint')}
          error={fieldError('agencyCode')}
          autoComplete="off"
          spellCheck={false}
          width="code"
          registration={register('agencyCode')}
        />

        <h2 className="heading-m">{t('settings.displayHeading')}</h2>
        <RadioGroup
          name="language"
          legend={t('settings.languageLegend')}
          hint={t('settings.languageHint')}
          error={fieldError('language')}
          options={[
            { value: 'vi', label: 'Tiếng Việt', lang: 'vi' },
            { value: 'en', label: 'English', lang: 'en' },
          ]}
          registration={register('language')}
        />
        <RadioGroup
          name="startScreen"
          legend={t('settings.startScreenLegend')}
          error={fieldError('startScreen')}
          options={[
            { value: 'home', label: t('settings.startHome') },
            { value: 'counter', label: t('settings.startCounter') },
            { value: 'kiosk', label: t('settings.startKiosk') },
          ]}
          registration={register('startScreen')}
        />

        <h2 className="heading-m">{t('settings.printerHeading')}</h2>
        <RadioGroup
          name="printerName"
          legend={t('settings.printerLegend')}
          hint={printers === null ? t('settings.printerLoading') : printers.length === 0 ? t('settings.printerNone') : undefined}
          error={fieldError('printerName')}
          options={[
            { value: '', label: t('settings.printerDefault') },
            ...(printers ?? []).map((p) => ({ value: p.name, label: p.displayName })),
            ...(settings.printerName !== '' && printers !== null && !printers.some((p) => p.name === settings.printerName)
              ? [{ value: settings.printerName, label: t('settings.printerMissing', { name: settings.printerName }) }]
              : []),
          ]}
          registration={register('printerName')}
        />

        <h2 className="heading-m">{t('sync.settings.heading')}</h2>
        <TextField
          name="syncGatewayUrl"
          label={t('sync.settings.gatewayLabel')}
          optional
          hint={t('sync.settings.gatewayHint')}
          error={fieldError('syncGatewayUrl')}
          type="url"
          autoComplete="off"
          spellCheck={false}
          registration={register('syncGatewayUrl')}
        />

        <h2 className="heading-m">{t('settings.kioskHeading')}</h2>
        <TextField
          name="kioskExitCode"
          label={t('settings.kioskExitCodeLabel')}
          optional
          hint={
            <>
              <span className="hint__line">{t(settings.kioskExitCodeSet ? 'settings.kioskExitCodeSet' : 'settings.kioskExitCodeNotSet')}</span>
              <span className="hint__line">{t('settings.kioskExitCodeHint')}</span>
            </>
          }
          error={fieldError('kioskExitCode')}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          width="code"
          registration={register('kioskExitCode')}
        />
        <CheckboxField
          name="kioskMode"
          label={t('settings.kioskModeLabel')}
          hint={t('settings.kioskModeHint')}
          error={fieldError('kioskMode')}
          registration={register('kioskMode')}
        />
        <TextField
          name="kioskIdleWarningSeconds"
          label={t('settings.idleWarningLabel')}
          hint={t('settings.idleWarningHint')}
          error={fieldError('kioskIdleWarningSeconds')}
          inputMode="numeric"
          autoComplete="off"
          width="code"
          registration={register('kioskIdleWarningSeconds')}
        />
        <TextField
          name="kioskIdleWipeSeconds"
          label={t('settings.idleWipeLabel')}
          hint={t('settings.idleWipeHint')}
          error={fieldError('kioskIdleWipeSeconds')}
          inputMode="numeric"
          autoComplete="off"
          width="code"
          registration={register('kioskIdleWipeSeconds')}
        />

        <h2 className="heading-m">{t('settings.dataHeading')}</h2>
        <TextField
          name="retentionDays"
          label={t('settings.retentionDaysLabel')}
          hint={t('settings.retentionDaysHint')}
          error={fieldError('retentionDays')}
          inputMode="numeric"
          autoComplete="off"
          width="code"
          registration={register('retentionDays')}
        />

        <button type="submit" className="button" aria-disabled={isSubmitting || undefined}>
          {t('settings.save')}
        </button>
      </form>
    </>
  );
}
