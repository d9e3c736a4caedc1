/**
 * CCCD QR input figures, each beside a baseline measured in the same run:
 *
 * - parse: throughput of `parseCccdQr` (NFC, seven fields checked, number/sex/year consistency)
 *   over 20,000 generated card texts, against a plain `split('|')` into the same seven fields.
 * - wedge: in Chromium over the real renderer, from the Enter that ends a keyboard-wedge burst to
 *   the confirmation on screen, and from "confirm" to the requester step filled; baseline: one
 *   ordinary keystroke in the same field until React shows it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cccdPlaceCodes } from '../../electron/contract/answers/cccd';
import { formatCccdQr, parseCccdQr, type CccdData } from '../../electron/contract/cccd/index';
import { launchChromium, startHarness, startRendererServer } from '../e2e/harness';
import { typeLikeReader } from '../support/readerKeys';

const texts = 20_000;
const rounds = Number(process.env.CCCD_BENCH_ROUNDS ?? 5);

function cards(count: number): string[] {
  const places = [...cccdPlaceCodes];
  return Array.from({ length: count }, (_, i) => {
    const year = 1940 + (i % 80);
    const female = i % 2 === 1;
    const digit = (Math.floor(year / 100) - 19) * 2 + (female ? 1 : 0);
    const data: CccdData = {
      idNumber: `${places[i % places.length]}${digit}${String(year).slice(2)}${String(100000 + i).slice(-6)}`,
      oldIdNumber: i % 3 === 0 ? null : String(100000000 + i),
      fullName: female ? 'Trần Thị Bích Ngọc' : 'Nguyễn Văn Đức',
      dateOfBirth: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      sex: female ? 'female' : 'male',
      address: 'Số 12 ngõ 34 phố Láng Hạ, Phường Láng Hạ, Quận Đống Đa, Hà Nội',
      issueDate: '2021-07-10',
    };
    return formatCccdQr(data);
  });
}

function perSecond(run: () => number, count: number): { opsPerSecond: number; ms: number } {
  const started = performance.now();
  const checksum = run();
  const ms = performance.now() - started;
  if (checksum < 0) throw new Error('unreachable');
  return { opsPerSecond: Math.round((count / ms) * 1000), ms: Number(ms.toFixed(1)) };
}

export function parseFigures() {
  const input = cards(texts);
  // Warm both paths before measuring.
  for (const t of input.slice(0, 500)) parseCccdQr(t, { today: '2026-12-01' });
  const parsed = perSecond(() => input.reduce((n, t) => n + (parseCccdQr(t, { today: '2026-12-01' }).ok ? 1 : 0), 0), texts);
  const split = perSecond(
    () =>
      input.reduce((n, t) => {
        const [idNumber, oldIdNumber, fullName, dateOfBirth, sex, address, issueDate] = t.split('|');
        return n + (idNumber && fullName && dateOfBirth && sex !== undefined && address !== undefined && issueDate !== undefined && oldIdNumber !== undefined ? 1 : 0);
      }, 0),
    texts,
  );
  const valid = input.filter((t) => parseCccdQr(t, { today: '2026-12-01' }).ok).length;
  return { texts, valid, parseCccdQr: parsed, baselineSplit: split };
}

const median = (values: number[]) => Number([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(1));

export async function wedgeFigures() {
  const wedgeText = '079195003456||TRAN THI BICH NGOC|02111995|NU|AP 3, XA TAN PHU, HUYEN CHAU THANH, TIEN GIANG|25042022';
  const server = await startRendererServer();
  const browser = await launchChromium();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-cccd-'));
  const h = await startHarness({ browser, baseUrl: server.url, dataDir });
  const toConfirmation: number[] = [];
  const toFilled: number[] = [];
  const keystroke: number[] = [];
  let missed = 0;
  try {
    const { page } = h;
    await h.open('/counter/thu-tuc/1.001193/buoc/requester');
    await page.locator('#field-requesterFullName').waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { lastEnter: number; lastKey: number };
      window.addEventListener('keydown', (e) => (e.key === 'Enter' ? (w.lastEnter = performance.now()) : (w.lastKey = performance.now())), true);
    });
    /**
     * ms from a mark set in the page until `ready` holds, watched every frame. A string, not a
     * function: tsx would add its `__name` helper to a function's source, unknown in the page.
     */
    const until = (mark: 'lastEnter' | 'lastKey' | 'clicked', ready: string) =>
      page.evaluate<number>(`new Promise((resolve) => {
        const tick = () => ((${ready}) ? resolve(performance.now() - window.${mark}) : requestAnimationFrame(tick));
        tick();
      })`);
    for (let i = 0; i < rounds; i++) {
      // Baseline: one ordinary keystroke until React shows it.
      await page.locator('#field-requesterFullName').fill('');
      await page.locator('#field-requesterFullName').focus();
      await page.keyboard.type('x');
      keystroke.push(await until('lastKey', `document.querySelector('#field-requesterFullName').value === 'x'`));
      await page.locator('#field-requesterFullName').fill('');
      // A person puts the keyboard down and picks up the reader: the burst is a run of its own.
      await page.waitForTimeout(300);
      await typeLikeReader(page, wedgeText, 5);
      const confirmation = until('lastEnter', `!!document.querySelector('#cccd-confirm-title')`);
      const seen = await Promise.race([confirmation, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000))]);
      if (seen === null) {
        // Not recognised as a scan (a stall on a loaded machine): count it and start the round again.
        missed++;
        await page.locator('#field-requesterFullName').fill('');
        continue;
      }
      toConfirmation.push(seen);
      await page.evaluate(() => {
        (window as unknown as { clicked: number }).clicked = performance.now();
        [...document.querySelectorAll('button')].find((b) => b.textContent === 'Đúng, điền vào tờ khai')!.click();
      });
      toFilled.push(await until('clicked', `document.querySelector('#field-requesterFullName').value === 'TRAN THI BICH NGOC' && document.querySelector('#field-requesterIdNumber').value === '079195003456'`));
    }
  } finally {
    await h.close();
    await browser.close();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    rounds,
    burstsNotRecognised: missed,
    lastWedgeKeyToConfirmationMs: { median: median(toConfirmation), max: Number(Math.max(...toConfirmation).toFixed(1)) },
    confirmToFilledFormMs: { median: median(toFilled), max: Number(Math.max(...toFilled).toFixed(1)) },
    lastWedgeKeyToFilledFormMs: { median: Number((median(toConfirmation) + median(toFilled)).toFixed(1)), note: 'sum of the two medians; a person confirms in between' },
    baselineOneKeystrokeMs: { median: median(keystroke), max: Number(Math.max(...keystroke).toFixed(1)) },
  };
}

export async function cccdBench(): Promise<Record<string, unknown>> {
  return { parse: parseFigures(), wedge: await wedgeFigures() };
}
