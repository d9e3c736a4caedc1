/**
 * The kiosk keyboard's layouts for simple-keyboard. Letters in QWERTY order (what Telex users
 * learned), the digit row (VNI's marks, and numbers in names of streets), direct keys for
 * ă â ê ô ơ ư đ and the five tone marks (DESIGN §5: "direct keys for tone marks … besides
 * Telex"), and a number pad for CCCD, phone and the parts of a date.
 */
export const toneButtons = ['{tone1}', '{tone2}', '{tone3}', '{tone4}', '{tone5}'] as const;

export const textLayout = {
  default: [
    '1 2 3 4 5 6 7 8 9 0 {bksp}',
    'q w e r t y u i o p',
    'a s d f g h j k l',
    '{shift} z x c v b n m , . - @',
    'ă â ê ô ơ ư đ',
    `${toneButtons.join(' ')} {space}`,
  ],
  shift: [
    '1 2 3 4 5 6 7 8 9 0 {bksp}',
    'Q W E R T Y U I O P',
    'A S D F G H J K L',
    '{shift} Z X C V B N M , . - @',
    'Ă Â Ê Ô Ơ Ư Đ',
    `${toneButtons.join(' ')} {space}`,
  ],
};

export const numericLayout = {
  default: ['1 2 3', '4 5 6', '7 8 9', '{bksp} 0 {next}'],
};
