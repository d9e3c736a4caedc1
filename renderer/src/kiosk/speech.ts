import { useEffect, useState } from 'react';

/**
 * Reading a kiosk step aloud with the platform's speech synthesis. Only a Vietnamese voice is
 * used: an English voice reading Vietnamese is worse than silence, so without one the speaker
 * button is not offered (no Vietnamese TTS ships with this project; see the README).
 */
export function vietnameseVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  return voices.find((v) => v.lang.toLowerCase().replace('_', '-').startsWith('vi')) ?? null;
}

function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}

/** The Vietnamese voice of this machine, once the voice list has loaded (it loads late in Chromium). */
export function useVietnameseVoice(): SpeechSynthesisVoice | null {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(() => vietnameseVoice(synth()?.getVoices() ?? []));
  useEffect(() => {
    const s = synth();
    if (!s) return;
    const update = () => setVoice(vietnameseVoice(s.getVoices()));
    update();
    s.addEventListener('voiceschanged', update);
    return () => s.removeEventListener('voiceschanged', update);
  }, []);
  return voice;
}

/** What a step says: its question (the h1), its lead and hints, and any error shown. */
export function stepText(main: HTMLElement): string {
  const parts = [...main.querySelectorAll<HTMLElement>('h1, .lead, .hint, .error-message, .error-summary__list')].map((el) => el.innerText.trim());
  return parts.filter((p) => p !== '').join('. ');
}

/** Whether this page ever spoke: cancelling is left alone otherwise (it can stall Chromium on Linux with no speech service). */
let spoke = false;

export function speak(text: string, voice: SpeechSynthesisVoice, onEnd: () => void): void {
  const s = synth();
  if (!s) return;
  if (spoke) s.cancel();
  spoke = true;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = voice.lang;
  // A little slower than the default: many residents at the kiosk are older.
  utterance.rate = 0.9;
  utterance.onend = onEnd;
  utterance.onerror = onEnd;
  s.speak(utterance);
}

export function stopSpeaking(): void {
  if (spoke) synth()?.cancel();
}
