/**
 * The kiosk keyboard's Telex/VNI engine: time per key when a resident types every word of the
 * committed word list (tests/fixtures/keyboard/vietnamese-words.txt) and deletes it again, against
 * a baseline measured in the same run: the same keys appended with no composition (string
 * concatenation and NFC, what a keyboard without Vietnamese input does). A key must cost far less
 * than a frame (16 ms); the figures say how far.
 */
import fs from 'node:fs';
import path from 'node:path';
import { applyKey, deleteLast, keysFor, type InputMethod } from '../../renderer/src/keyboard/vietnameseInput';

const ROUNDS = Number(process.env.KEYBOARD_BENCH_ROUNDS ?? 30);

function words(): string[] {
  const file = path.resolve(import.meta.dirname, '..', 'fixtures', 'keyboard', 'vietnamese-words.txt');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function perKeyMicros(samples: number[], keys: number): { median: number; max: number } {
  const sorted = samples.map((ms) => (ms * 1000) / keys).sort((a, b) => a - b);
  return { median: Number(sorted[Math.floor(sorted.length / 2)]!.toFixed(3)), max: Number(sorted.at(-1)!.toFixed(3)) };
}

export async function kioskKeyboardBench(): Promise<Record<string, unknown>> {
  const list = words();
  const result: Record<string, unknown> = { unit: 'µs per key', words: list.length, rounds: ROUNDS };
  for (const method of ['telex', 'vni'] as InputMethod[]) {
    const sequences = list.map((w) => keysFor(w, method));
    const keys = sequences.reduce((n, s) => n + s.length, 0);
    const typing: number[] = [];
    const deleting: number[] = [];
    const baseline: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      let started = performance.now();
      const typed = sequences.map((s) => {
        let word = '';
        for (const k of s) word = applyKey(word, k, method);
        return word;
      });
      typing.push(performance.now() - started);
      started = performance.now();
      for (const w of typed) {
        let word = w;
        while (word !== '') word = deleteLast(word, method);
      }
      deleting.push(performance.now() - started);
      started = performance.now();
      for (const s of sequences) {
        let word = '';
        for (const k of s) word = `${word}${k}`.normalize('NFC');
      }
      baseline.push(performance.now() - started);
    }
    result[method] = { keys, type: perKeyMicros(typing, keys), delete: perKeyMicros(deleting, keys), baseline: { what: 'append + NFC, no composition', ...perKeyMicros(baseline, keys) } };
  }
  return Promise.resolve(result);
}
