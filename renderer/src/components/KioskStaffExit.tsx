import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSettings } from '../state/AppState';
import { KioskExitDialog } from './KioskExitDialog';

/** The discreet way out of a locked kiosk: a button for officials that asks for the exit code. */
export function KioskStaffExit() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { settings, replaceSettings } = useSettings();
  const [open, setOpen] = useState(false);

  const exited = () => {
    setOpen(false);
    // Take the new state now, so the kiosk lock does not send us back before the event arrives.
    replaceSettings({ ...settings, kioskMode: false });
    void navigate('/');
  };

  return (
    <>
      <button type="button" className="staff-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('kiosk.staffButton')}
      </button>
      {open && <KioskExitDialog onClose={() => setOpen(false)} onExited={exited} />}
    </>
  );
}
