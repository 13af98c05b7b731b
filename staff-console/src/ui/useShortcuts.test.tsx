import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SHORTCUTS } from "../desk/shortcuts.js";
import { useShortcuts } from "./useShortcuts.js";

afterEach(cleanup);

function Harness({ onCall, dialog = false }: { onCall(): void; dialog?: boolean }) {
  useShortcuts([{ shortcut: SHORTCUTS.callNext, run: onCall }]);
  return (
    <div>
      <label>
        Note <input />
      </label>
      {dialog && <div role="dialog" aria-modal="true" aria-label="Open dialog" />}
    </div>
  );
}

describe("useShortcuts", () => {
  it("runs on its key", async () => {
    const onCall = vi.fn();
    render(<Harness onCall={onCall} />);
    await userEvent.keyboard("n");
    expect(onCall).toHaveBeenCalledOnce();
  });

  it("follows the physical key, so a Russian layout's т still calls", async () => {
    const onCall = vi.fn();
    render(<Harness onCall={onCall} />);
    await userEvent.keyboard("[KeyN]");
    expect(onCall).toHaveBeenCalledOnce();
  });

  it("stays quiet while typing, with a modifier, or while a dialog is open", async () => {
    const onCall = vi.fn();
    const { rerender } = render(<Harness onCall={onCall} />);
    await userEvent.type(screen.getByRole("textbox", { name: "Note" }), "no need");
    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard("{Control>}n{/Control}");
    rerender(<Harness onCall={onCall} dialog />);
    await userEvent.keyboard("n");
    expect(onCall).not.toHaveBeenCalled();
  });

  it("ignores auto-repeat of a held key", () => {
    const onCall = vi.fn();
    render(<Harness onCall={onCall} />);
    window.dispatchEvent(new KeyboardEvent("keydown", { code: "KeyN", key: "n", repeat: true }));
    window.dispatchEvent(new KeyboardEvent("keydown", { code: "KeyN", key: "n" }));
    expect(onCall).toHaveBeenCalledOnce();
  });
});
