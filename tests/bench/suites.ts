import { autosaveBench } from './autosaveBench';
import { cccdBench } from './cccdBench';
import { documentsBench } from './documentsBench';
import { kioskKeyboardBench } from './kioskKeyboardBench';
import { scanBench } from './scanBench';
import { searchBench } from './searchBench';
import { syncBench } from './syncBench';
import { signBench } from './signBench';
import { wipeBench } from './wipeBench';

/**
 * Further benchmark suites, each a function returning its figures (with its own baseline measured
 * in the same run). `npm run bench` adds each result under its name.
 */
export const suites: Record<string, () => Promise<Record<string, unknown>>> = {
  autosave: autosaveBench,
  documents: documentsBench,
  search: searchBench,
  kioskWipe: wipeBench,
  sync: syncBench,
  kioskKeyboard: kioskKeyboardBench,
  scanning: scanBench,
  cccd: cccdBench,
  sign: signBench,
};
