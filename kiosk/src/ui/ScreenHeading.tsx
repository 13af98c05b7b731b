import { useEffect, useRef, type ReactNode } from "react";

/**
 * The heading of a screen. It takes focus when the screen appears, so a screen-reader user hears
 * where they are and a keyboard user continues from the top, as after a page load.
 */
export function ScreenHeading({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className}>
      {children}
    </h1>
  );
}
