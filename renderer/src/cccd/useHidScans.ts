import { useEffect } from 'react';
import { api } from '../api';
import { publishCccdScan } from './scanBus';

/** Scans from HID POS readers (main process, `cccd.scanned`) go to the scan panel on screen. */
export function useHidScans(): void {
  useEffect(() => api.on('cccd.scanned', (event) => publishCccdScan(event.text)), []);
}
