import type { Shortcut } from "./useShortcuts.js";

/** The key that does the same as the button, shown on it; screen readers get aria-keyshortcuts. */
export function Kbd({ shortcut }: { shortcut: Shortcut }) {
  return (
    <kbd className="kbd" aria-hidden="true">
      {shortcut.label}
    </kbd>
  );
}
