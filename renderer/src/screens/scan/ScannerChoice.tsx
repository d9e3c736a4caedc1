import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { scannerInfoSchema } from '../../../../electron/contract/scanning';
import { api } from '../../api';

type ScannerInfo = z.infer<typeof scannerInfoSchema>;
export interface ScanChoice {
  deviceId: string;
  source: 'flatbed' | 'feeder';
}

/** Which scanner (only asked when there are several) and where the paper goes: glass or feeder. */
export function ScannerChoice({ disabled, onChange }: { disabled: boolean; onChange(choice: ScanChoice | null): void }) {
  const { t } = useTranslation();
  const [scanners, setScanners] = useState<ScannerInfo[] | null>(null);
  const [deviceId, setDeviceId] = useState('');
  const [source, setSource] = useState<'flatbed' | 'feeder'>('flatbed');

  useEffect(() => {
    let current = true;
    api.scanning.scanners({}).then(
      (r) => {
        if (!current) return;
        setScanners(r.scanners);
        setDeviceId(r.scanners[0]?.id ?? '');
      },
      () => current && setScanners([]),
    );
    return () => {
      current = false;
    };
  }, []);

  const scanner = scanners?.find((s) => s.id === deviceId);
  const sources = (['flatbed', 'feeder'] as const).filter((s) => scanner?.sources.includes(s));
  useEffect(() => {
    onChange(scanner && sources.includes(source) ? { deviceId: scanner.id, source } : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- sources derives from scanner
  }, [scanner, source, onChange]);

  if (scanners === null) return <p className="body">{t('scan.findingScanners')}</p>;
  if (scanners.length === 0) return <p className="inset-text">{t('scan.noScanner')}</p>;
  return (
    <>
      {scanners.length > 1 && (
        <div className="form-group">
          <label className="label" htmlFor="scanner">
            {t('scan.scanner')}
          </label>
          <select id="scanner" className="select" value={deviceId} disabled={disabled} onChange={(e) => setDeviceId(e.target.value)}>
            {scanners.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.id})
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('scan.sourceQuestion')}</legend>
        <div className="radios">
          {sources.map((s) => (
            <div className="radios__item" key={s}>
              <input id={`scan-source-${s}`} className="radios__input" type="radio" name="scan-source" value={s} checked={source === s} disabled={disabled} onChange={() => setSource(s)} />
              <label className="radios__label" htmlFor={`scan-source-${s}`}>
                {t(`scan.source.${s}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </>
  );
}
