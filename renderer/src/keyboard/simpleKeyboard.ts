import type SimpleKeyboard from 'simple-keyboard';
import KeyboardModule from 'simple-keyboard/build/index.modern.esm.js';

/**
 * simple-keyboard's package.json names only its UMD build ("main"), which the bundler hands over
 * as a CommonJS object, not the class. Its ES module build is imported by path instead; the
 * types come from the package's own declarations.
 */
export const Keyboard: typeof SimpleKeyboard = KeyboardModule;
export type Keyboard = SimpleKeyboard;
