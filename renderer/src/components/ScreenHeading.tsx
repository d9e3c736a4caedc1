import { useEffect, useRef, type ReactNode } from 'react';

let firstScreen = true;

/**
 * The screen's one `<h1>`. After a navigation inside the app it takes the focus, so a screen reader
 * announces the new screen and Tab continues from the top of it, as after a page load.
 */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 className="heading-xl" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
