import type { Language } from "@dost/shared";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { DICTIONARIES } from "../i18n/i18n.js";
import { PENSION } from "../test/fixtures.js";
import { installFakeServer } from "../test/fake-server.js";
import { findStartScreen, renderKiosk } from "../test/render.js";
import "../test/setup.js";
import { maskedPhone } from "./PhoneScreen.js";

vi.mock("socket.io-client", async () => ({ io: (await import("../test/fake-socket.js")).fakeIo }));

const LANGUAGES: Language[] = ["az", "ru", "en"];

async function chooseIn(language: Language) {
  await findStartScreen();
  if (language !== "az")
    fireEvent.click(screen.getByRole("button", { name: DICTIONARIES[language].languageName }));
  await userEvent.click(screen.getByRole("button", { name: new RegExp(PENSION.name[language]) }));
}

const shown = () => screen.getByTestId("phone-number").textContent;

describe("the optional phone step", () => {
  it("masks all but the last two digits", () => {
    expect(maskedPhone("5")).toBe("+994 5");
    expect(maskedPhone("551234567")).toBe("+994 •• ••• •• 67");
  });

  it.each(LANGUAGES)("sends a number typed on the keypad with the ticket, in %s", async (language) => {
    const t = DICTIONARIES[language];
    const server = installFakeServer();
    renderKiosk();
    await chooseIn(language);
    expect(screen.getByRole("heading", { level: 1, name: t.phone.heading })).toBe(document.activeElement);
    const keypad = screen.getByRole("group", { name: t.phone.keypad });
    const use = screen.getByRole("button", { name: t.phone.use }) as HTMLButtonElement;
    // A local number's leading 0 is dropped; the number is not complete until nine digits.
    for (const digit of "055123456") fireEvent.click(within(keypad).getByRole("button", { name: digit }));
    expect(use.disabled).toBe(true);
    fireEvent.click(within(keypad).getByRole("button", { name: "9" }));
    fireEvent.click(within(keypad).getByRole("button", { name: t.phone.erase }));
    fireEvent.click(within(keypad).getByRole("button", { name: "7" }));
    expect(shown()).toBe("+994 •• ••• •• 67");
    expect(document.body.textContent).not.toContain("5512");
    expect(screen.getByTestId("phone-number").getAttribute("aria-label")).toBe(t.phone.entered(9, "67"));

    fireEvent.click(use);
    await userEvent.click(screen.getByRole("button", { name: t.priorityNo }));
    await screen.findByRole("heading", { level: 1, name: t.ticketHeading });
    const issued = server.requests.find((r) => r.method === "POST");
    expect(issued?.body).toEqual({
      serviceId: PENSION.id,
      priority: "none",
      language,
      phone: "+994551234567",
    });
  });

  it("takes the keyboard's digits, Backspace and Enter", async () => {
    const server = installFakeServer();
    renderKiosk();
    await chooseIn("en");
    const user = userEvent.setup();
    await user.keyboard("7012345689");
    await user.keyboard("{Backspace}");
    await user.keyboard("8");
    expect(shown()).toBe("+994 •• ••• •• 68");
    await user.keyboard("{Enter}");
    await userEvent.click(screen.getByRole("button", { name: DICTIONARIES.en.priorityNo }));
    await screen.findByRole("heading", { level: 1, name: DICTIONARIES.en.ticketHeading });
    expect(server.requests.find((r) => r.method === "POST")?.body).toMatchObject({ phone: "+994701234568" });
  });

  it("sends no phone when the visitor skips", async () => {
    const server = installFakeServer();
    renderKiosk();
    await chooseIn("ru");
    fireEvent.click(screen.getByRole("button", { name: DICTIONARIES.ru.phone.skip }));
    await userEvent.click(screen.getByRole("button", { name: DICTIONARIES.ru.priorityNo }));
    await screen.findByRole("heading", { level: 1, name: DICTIONARIES.ru.ticketHeading });
    expect(server.requests.find((r) => r.method === "POST")?.body).not.toHaveProperty("phone");
  });
});
