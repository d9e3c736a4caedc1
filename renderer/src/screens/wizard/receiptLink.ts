import { useEffect, useState } from 'react';
import { api } from '../../api';
import { createSessionObjectUrl, revokeSessionObjectUrl } from '../../kiosk/sessionStore';

export type ReceiptState = { status: 'loading' } | { status: 'ready'; url: string; fileName: string } | { status: 'failed'; error: unknown };

/** PDF bytes as they crossed the bridge (a Uint8Array, or its plain copy through a test transport). */
function toBytes(pdf: unknown): Uint8Array<ArrayBuffer> {
  if (pdf instanceof Uint8Array) return new Uint8Array(pdf);
  if (Array.isArray(pdf)) return Uint8Array.from(pdf as number[]);
  if (pdf && typeof pdf === 'object') return Uint8Array.from(Object.values(pdf as Record<string, number>));
  throw new Error('no pdf');
}

/** The receipt of a dossier as a Blob URL for an `<a download>` link; revoked when the screen goes (or by a kiosk wipe). */
export function useReceipt(dossierId: string): ReceiptState {
  const [state, setState] = useState<ReceiptState>({ status: 'loading' });
  useEffect(() => {
    let url: string | null = null;
    let current = true;
    api.documents.render({ kind: 'receipt', dossierId }).then(
      (doc) => {
        if (!current) return;
        url = createSessionObjectUrl(new Blob([toBytes(doc.pdf)], { type: 'application/pdf' }));
        setState({ status: 'ready', url, fileName: doc.fileName });
      },
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
      if (url) revokeSessionObjectUrl(url);
    };
  }, [dossierId]);
  return state;
}
