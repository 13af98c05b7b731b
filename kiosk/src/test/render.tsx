import { act, render, screen } from "@testing-library/react";
import { BookingPage } from "../booking/BookingPage.js";
import { Kiosk } from "../kiosk/Kiosk.js";
import { ManagePage } from "../manage/ManagePage.js";
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

/** The booking pages as main.tsx mounts them for /kiosk/book and /kiosk/book/manage. */
export function renderBooking() {
  return render(<BookingPage />);
}

export function renderManage(code: string | null = null) {
  return render(<ManagePage initialCode={code} />);
}

/** The texts an element's aria-describedby points at: its hint and its error. */
export function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");
}
