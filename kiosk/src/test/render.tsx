import { act, render, screen } from "@testing-library/react";
import { Kiosk } from "../kiosk/Kiosk.js";
import { DICTIONARIES } from "../i18n/i18n.js";
import { DEVICE_KEY } from "./fake-server.js";

/** The kiosk as main.tsx mounts it, paired with the demo key unless told otherwise. */
export function renderKiosk(initialKey: string | null = DEVICE_KEY) {
  return render(<Kiosk initialKey={initialKey} />);
}

/**
 * Answers from the fake server arrive outside act(), so React may have painted a screen without yet
 * running its effects (its socket, its timers); this lets them run before the test goes on.
 */
export async function settle(): Promise<void> {
  await act(async () => undefined);
}

/** Waits for the start screen, which means the kiosk is paired and its services are loaded. */
export async function findStartScreen() {
  const heading = await screen.findByRole("heading", { level: 1, name: DICTIONARIES.az.startHeading });
  await settle();
  return heading;
}
