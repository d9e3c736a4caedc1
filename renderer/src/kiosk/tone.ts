type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

/**
 * Two short beeps made with the Web Audio API (no audio file), so the warning is heard as well as
 * seen. Never throws: where audio is missing (a headless test browser, no sound card) or the
 * context is suspended by the autoplay policy, the warning is simply silent.
 */
export function playWarningTone(): void {
  try {
    const Ctor = (window as unknown as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass }).AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
    if (!Ctor) return;
    context ??= new Ctor();
    if (context.state !== 'running') return;
    const start = context.currentTime;
    for (const offset of [0, 0.35]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.3);
    }
  } catch {
    // Audio is a help, not a requirement: the dialog is on screen anyway.
  }
}
