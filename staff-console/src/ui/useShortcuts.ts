import { useEffect, useEffectEvent } from "react";

export interface Shortcut {
  /** `KeyboardEvent.code`: the physical key, so N is N on an Azerbaijani or Russian layout too. */
  code: string;
  /** What the button shows, such as "N". */
  label: string;
  /** The `aria-keyshortcuts` value. */
  aria: string;
}

/** True while the person types somewhere a letter must stay a letter. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  }
  return false;
}

/**
 * Single-key shortcuts for the whole page. They do not fire while typing, with a modifier held,
 * on auto-repeat (a held key must not call three visitors), or while a dialog is open (its own
 * keys belong to it).
 */
export function useShortcuts(bindings: ReadonlyArray<{ shortcut: Shortcut; run: () => void }>): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.repeat || event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    if (isTyping(event.target)) return;
    if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
    const binding = bindings.find((b) => b.shortcut.code === event.code);
    if (!binding) return;
    event.preventDefault();
    binding.run();
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}
