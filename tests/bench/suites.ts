import { autosaveBench } from './autosaveBench';
import { documentsBench } from './documentsBench';
import { searchBench } from './searchBench';
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
  sign: signBench,
};
