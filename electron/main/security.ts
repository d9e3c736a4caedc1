import { appOrigin } from './appProtocol';

/**
 * SECURITY-CRITICAL: the rules that keep a public kiosk's renderer from reaching anything but
 * our own files. Each is asserted by tests/unit/mainSecurity.test.ts; weaken none without
 * changing that test on purpose and saying why.
 */

/** True for a URL of our own renderer (or, in development only, the given dev server origin). */
export function isOwnUrl(url: string, devServerOrigin: string | null = null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (`${parsed.protocol}//${parsed.host}` === appOrigin) return true;
  return devServerOrigin !== null && parsed.origin === devServerOrigin;
}

/** Navigations away from the page are denied, all of them: the app is one page. */
export function allowNavigation(_url: string): boolean {
  return false;
}

/** Requests the renderer may make: our own files, and in-memory data/blob URLs. Nothing remote. */
export function allowRequest(url: string, devServerOrigin: string | null = null): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  if (url.startsWith('devtools://')) return true;
  return isOwnUrl(url, devServerOrigin);
}

export interface PermissionRequest {
  permission: string;
  requestingUrl: string;
  /** For 'media': what is asked for. */
  mediaTypes?: readonly string[];
  /** Whether the request comes from the top frame. */
  isMainFrame: boolean;
}

/**
 * Every permission is denied except the camera, for our own top-level page, which reads the
 * QR code of the citizen ID card. No microphone, geolocation, notifications, USB, HID, serial…
 */
export function allowPermission(request: PermissionRequest, devServerOrigin: string | null = null): boolean {
  if (request.permission !== 'media') return false;
  if (!request.isMainFrame || !isOwnUrl(request.requestingUrl, devServerOrigin)) return false;
  const types = request.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'video');
}

/** Permission *checks* (as opposed to requests) follow the same rule; media checks carry no types. */
export function allowPermissionCheck(permission: string, requestingOrigin: string, devServerOrigin: string | null = null): boolean {
  return permission === 'media' && isOwnUrl(`${requestingOrigin}/`, devServerOrigin);
}

export interface SenderFrame {
  url: string;
  /** True when the frame is the top frame of its page. */
  isMainFrame: boolean;
}

/** Every IPC call must come from our own page's top frame; anything else is dropped and logged. */
export function isTrustedSender(frame: SenderFrame | null | undefined, devServerOrigin: string | null = null): boolean {
  return frame != null && frame.isMainFrame && isOwnUrl(frame.url, devServerOrigin);
}

/** Keyboard shortcuts a resident at a kiosk must not use (reload, devtools, close, zoom-out of the app). */
export function isBlockedKioskShortcut(input: { key: string; control: boolean; meta: boolean; alt: boolean; shift: boolean }): boolean {
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (key === 'f5' || key === 'f11' || key === 'f12') return true;
  if (mod && (key === 'r' || key === 'w' || key === 'q' || key === 'p' || key === 'n' || key === 't')) return true;
  if (mod && input.shift && (key === 'i' || key === 'j' || key === 'c')) return true;
  if (input.alt && key === 'f4') return true;
  return false;
}

/**
 * Where a download the page starts (the receipt PDF's "Tải phiếu hẹn") is saved: at a counter,
 * silently into the Downloads folder (no dialog, no path from the page beyond a plain file name);
 * at a kiosk, nowhere: a resident's papers are printed, never left on the shared machine.
 */
export function downloadTarget(kioskMode: boolean, downloadsDir: string, suggestedName: string): string | null {
  if (kioskMode) return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const name = suggestedName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '').slice(0, 120) || 'tai-lieu.pdf';
  return `${downloadsDir.replace(/[\\/]+$/, '')}/${name}`;
}
