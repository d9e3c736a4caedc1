/**
 * Where a card's QR text arrives from any source (keyboard-wedge reader, HID reader, camera):
 * the one scan panel on screen listens. A plain callback list: at most one listener at a time.
 */
type Listener = (text: string) => void;
const listeners = new Set<Listener>();

export function onCccdScan(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function publishCccdScan(text: string): void {
  for (const listener of listeners) listener(text);
}
