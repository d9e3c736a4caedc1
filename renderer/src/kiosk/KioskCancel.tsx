import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskSession } from './KioskSession';

/**
 * "Hủy và xóa" on every kiosk screen of a session: asks once (a tap by mistake must not lose the
 * resident's work), then wipes the session and returns to the welcome screen.
 */
export function KioskCancel() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="header-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('kioskCancel.button')}
      </button>
      {open && <CancelDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function CancelDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { wipe } = useKioskSession();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    keepRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="kiosk-cancel-title"
      aria-describedby="kiosk-cancel-body"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="kiosk-cancel-title" className="heading-l">
        {t('kioskCancel.title')}
      </h2>
      <p id="kiosk-cancel-body" className="body">
        {t('kioskCancel.body')}
      </p>
      <div className="button-group">
        <button type="button" className="button button--warning" onClick={wipe}>
          {t('kioskCancel.confirm')}
        </button>
        <button ref={keepRef} type="button" className="button button--secondary" onClick={onClose}>
          {t('kioskCancel.keep')}
        </button>
      </div>
    </dialog>
  );
}
