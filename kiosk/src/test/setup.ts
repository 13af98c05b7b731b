import { cleanup } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";
import { sockets } from "./fake-socket.js";

/**
 * Shared by the component tests: a clean DOM, storage and address between tests, and window.print
 * as a spy (jsdom has none, and a kiosk test must see that the ticket was printed).
 */
beforeEach(() => {
  window.print = vi.fn();
  localStorage.clear();
  window.history.replaceState(null, "", "/kiosk/");
  sockets.length = 0;
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.documentElement.lang = "";
});
