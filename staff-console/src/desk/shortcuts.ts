import type { Shortcut } from "../ui/useShortcuts.js";

/** Every shortcut of the counter desk, in one table: the buttons show them, the README lists them. */
export const SHORTCUTS = {
  callNext: { code: "KeyN", label: "N", aria: "N" },
  recall: { code: "KeyR", label: "R", aria: "R" },
  start: { code: "KeyS", label: "S", aria: "S" },
  complete: { code: "KeyC", label: "C", aria: "C" },
  noShow: { code: "KeyX", label: "X", aria: "X" },
  transfer: { code: "KeyT", label: "T", aria: "T" },
  cancel: { code: "Delete", label: "Del", aria: "Delete" },
  undo: { code: "KeyU", label: "U", aria: "U" },
  pause: { code: "KeyB", label: "B", aria: "B" },
  note: { code: "KeyM", label: "M", aria: "M" },
} as const satisfies Record<string, Shortcut>;

export type ShortcutName = keyof typeof SHORTCUTS;
