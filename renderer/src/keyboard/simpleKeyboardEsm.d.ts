/** The ES module build of simple-keyboard (see simpleKeyboard.ts): same class as the package's main. */
declare module 'simple-keyboard/build/index.modern.esm.js' {
  import type SimpleKeyboard from 'simple-keyboard';
  const Keyboard: typeof SimpleKeyboard;
  export default Keyboard;
}
