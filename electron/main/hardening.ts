import type { Session, WebContents } from 'electron';
import { allowNavigation, allowPermission, allowPermissionCheck, allowRequest, isBlockedKioskShortcut } from './security';

/**
 * SECURITY-CRITICAL: applied to every web contents the app ever creates (app 'web-contents-created').
 * No navigation, no new windows, no webviews; in kiosk mode no reload/devtools shortcuts.
 */
export function hardenWebContents(contents: WebContents, state: { kioskMode(): boolean; isPackaged: boolean }): void {
  contents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('before-input-event', (event, input) => {
    if (state.kioskMode() && isBlockedKioskShortcut(input)) event.preventDefault();
  });
  contents.on('devtools-opened', () => {
    if (state.isPackaged || state.kioskMode()) contents.closeDevTools();
  });
}

/** SECURITY-CRITICAL: permissions and network of the renderer's session. */
export function hardenSession(session: Session, devServerOrigin: string | null): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = details as { mediaTypes?: string[] };
    callback(
      allowPermission(
        { permission, requestingUrl: details.requestingUrl, mediaTypes: media.mediaTypes ?? [], isMainFrame: details.isMainFrame },
        devServerOrigin,
      ),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowPermissionCheck(permission, requestingOrigin, devServerOrigin));
  // WebHID / WebUSB / Web Serial: devices are ours to drive from the main side, never the page's.
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowRequest(details.url, devServerOrigin) }));
}
