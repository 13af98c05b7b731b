import { useEffect, useEffectEvent } from "react";
import { codeFromText } from "../appointments/code.js";

/** A scanner types fast; whatever it typed since the last Enter is kept, up to this long. */
const MAX_TYPED = 200;

export interface PhysicalKeyHandlers {
  /** Characters typed (or pasted), for the entry to keep what is part of a code. */
  onType(characters: string): void;
  onBackspace(): void;
  /**
   * Enter. A hand-held QR scanner types the confirmation's whole address and then Enter; the code
   * found in what was typed comes along then, and replaces whatever the address's letters entered.
   */
  onEnter(scanned: string | null): void;
}

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;

/**
 * Typing on a physical keyboard (or a scanner that acts as one) works wherever the focus is on the
 * code entry screen. On a focused button, Enter and Space are left to press that button.
 */
export function usePhysicalKeys(enabled: boolean, handlers: PhysicalKeyHandlers): void {
  const type = useEffectEvent(handlers.onType);
  const backspace = useEffectEvent(handlers.onBackspace);
  const enter = useEffectEvent(handlers.onEnter);

  useEffect(() => {
    if (!enabled) return;
    let typed = "";
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextField(event.target)) return;
      const onButton = event.target instanceof HTMLButtonElement;
      if (event.key === "Enter") {
        if (onButton) return;
        event.preventDefault();
        const scanned = typed.includes("code=") ? codeFromText(typed) : null;
        typed = "";
        enter(scanned);
      } else if (event.key === "Backspace") {
        event.preventDefault();
        typed = typed.slice(0, -1);
        backspace();
      } else if (event.key.length === 1 && !(event.key === " " && onButton)) {
        typed = (typed + event.key).slice(-MAX_TYPED);
        type(event.key);
      }
    };
    const onPaste = (event: ClipboardEvent) => {
      const text = event.clipboardData?.getData("text") ?? "";
      if (!text || isTextField(event.target)) return;
      event.preventDefault();
      type(codeFromText(text) ?? text);
    };
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("paste", onPaste);
    };
  }, [enabled]);
}
