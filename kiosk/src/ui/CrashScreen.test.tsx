import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import "../test/setup.js";
import { CrashScreen } from "./CrashScreen.js";

function Broken(): never {
  throw new Error("a bug");
}

describe("the crash screen", () => {
  it("replaces a screen that threw with a message and a way on, in the visitor's language", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    document.documentElement.lang = "ru";
    render(
      <CrashScreen reloadBy="visitor">
        <Broken />
      </CrashScreen>,
    );
    expect(screen.getByRole("heading", { level: 1, name: "Произошла ошибка" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Попробовать снова" })).toBeTruthy();
    vi.restoreAllMocks();
  });
});
