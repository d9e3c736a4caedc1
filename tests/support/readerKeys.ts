import type { Page } from 'playwright-core';

/**
 * Types `text` then Enter the way a keyboard-wedge reader does: one key every `msPerKey`, by the
 * keys' own event times. Sent through CDP with explicit timestamps (the page sees them as each
 * event's `timeStamp`, like a platform key event's time), because `keyboard.type({delay})` on a
 * loaded two-core machine stretches 5 ms into stalls of up to 200 ms (measured): that would test
 * the machine's load, not the detector.
 */
export async function typeLikeReader(page: Page, text: string, msPerKey: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const base = Date.now() / 1000;
  const at = (i: number) => base + (i * msPerKey) / 1000;
  const keys = [...text];
  try {
    await Promise.all([
      ...keys.flatMap((ch, i) => [
        cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch, timestamp: at(i) }),
        cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, timestamp: at(i) + 0.001 }),
      ]),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', unmodifiedText: '\r', timestamp: at(keys.length) }),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, timestamp: at(keys.length) + 0.001 }),
    ]);
  } finally {
    await cdp.detach();
  }
}
