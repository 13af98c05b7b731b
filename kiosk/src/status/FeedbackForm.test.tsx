import type { Language } from "@dost/shared";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { DICTIONARIES } from "../i18n/i18n.js";
import { errorBody, installFakeServer, json } from "../test/fake-server.js";
import { PUBLIC_ID, ticket } from "../test/fixtures.js";
import "../test/setup.js";
import { StatusPage } from "./StatusPage.js";

vi.mock("socket.io-client", async () => ({ io: (await import("../test/fake-socket.js")).fakeIo }));

/** The page loads the ticket, its centre and services, then asks whether it was rated: slow under load. */
const LOADED = { timeout: 10_000 };
const TICKET = `GET /api/v1/public/tickets/${PUBLIC_ID}`;
const FEEDBACK = `/api/v1/public/tickets/${PUBLIC_ID}/feedback`;

function renderDone(language: Language, given: unknown = null) {
  const server = installFakeServer();
  const done = ticket({
    language,
    status: "done",
    position: null,
    estimatedWaitMinutes: null,
    counter: { id: "55555555-5555-4555-8555-555555555555", label: "7" },
  });
  server.routes[TICKET] = () => json(200, { ticket: done });
  server.routes[`GET ${FEEDBACK}`] = () => json(200, { feedback: given });
  render(<StatusPage publicId={PUBLIC_ID} />);
  return server;
}

describe("the status page asks for a rating when the visit is done", () => {
  it.each<Language>(["az", "ru", "en"])(
    "in %s: a score, reasons and a comment, sent once",
    async (language) => {
      const f = DICTIONARIES[language].feedback;
      const server = renderDone(language);
      server.routes[`POST ${FEEDBACK}`] = () =>
        json(201, {
          feedback: { score: 2, reasons: ["wait_too_long"], comment: "x", at: "2025-03-05T07:00:00.000Z" },
        });
      expect(await screen.findByRole("heading", { level: 2, name: f.heading }, LOADED)).toBeTruthy();

      // Sending without a score explains instead of sending.
      await userEvent.click(screen.getByRole("button", { name: f.send }));
      expect(screen.getByRole("alert").textContent).toBe(f.chooseScore);
      expect(server.requests.some((r) => r.method === "POST")).toBe(false);

      await userEvent.click(screen.getByRole("radio", { name: f.scores[2] }));
      await userEvent.click(screen.getByRole("checkbox", { name: f.reasons.wait_too_long }));
      await userEvent.type(screen.getByRole("textbox", { name: f.commentLabel }), "  Too slow  ");
      await userEvent.click(screen.getByRole("button", { name: f.send }));

      expect(await screen.findByText(f.thanks, {}, LOADED)).toBeTruthy();
      expect(screen.queryByRole("button", { name: f.send })).toBeNull();
      const sent = server.requests.filter((r) => r.method === "POST");
      expect(sent).toHaveLength(1);
      expect(sent[0]?.path).toBe(FEEDBACK);
      expect(sent[0]?.body).toEqual({ score: 2, reasons: ["wait_too_long"], comment: "Too slow" });
    },
  );

  // Native radio buttons: arrow keys move the score in a browser (jsdom lacks what that needs).
  it("is keyboard-usable: Tab reaches the send button and Enter sends", async () => {
    const f = DICTIONARIES.en.feedback;
    const server = renderDone("en");
    server.routes[`POST ${FEEDBACK}`] = () =>
      json(201, { feedback: { score: 4, reasons: [], comment: null, at: "2025-03-05T07:00:00.000Z" } });
    await screen.findByRole("heading", { level: 2, name: f.heading }, LOADED);
    await userEvent.click(screen.getByRole("radio", { name: f.scores[4] }));
    screen.getByRole("textbox", { name: f.commentLabel }).focus();
    await userEvent.tab();
    await userEvent.keyboard("{Enter}");
    expect(await screen.findByText(f.thanks, {}, LOADED)).toBeTruthy();
    expect(server.requests.find((r) => r.method === "POST")?.body).toEqual({ score: 4, reasons: [] });
  });

  it("does not ask again once rated", async () => {
    renderDone("en", { score: 5, reasons: [], comment: null, at: "2025-03-05T07:00:00.000Z" });
    expect(await screen.findByText(DICTIONARIES.en.feedback.thanks, {}, LOADED)).toBeTruthy();
    expect(screen.queryByRole("radio")).toBeNull();
  });

  it("says the visit can no longer be rated when the server refuses with 409", async () => {
    const f = DICTIONARIES.en.feedback;
    const server = renderDone("en");
    server.routes[`POST ${FEEDBACK}`] = () => errorBody(409, "CONFLICT");
    await userEvent.click(await screen.findByRole("radio", { name: f.scores[5] }, LOADED));
    await userEvent.click(screen.getByRole("button", { name: f.send }));
    expect(await screen.findByText(f.closed, {}, LOADED)).toBeTruthy();
  });

  it("keeps the answers and offers to send again when the network fails", async () => {
    const f = DICTIONARIES.en.feedback;
    const server = renderDone("en");
    server.routes[`POST ${FEEDBACK}`] = () => errorBody(503, "UNAVAILABLE");
    await userEvent.click(await screen.findByRole("radio", { name: f.scores[1] }, LOADED));
    await userEvent.click(screen.getByRole("button", { name: f.send }));
    expect((await screen.findByRole("alert", undefined, LOADED)).textContent).toBe(f.failed);
    expect((screen.getByRole("radio", { name: f.scores[1] }) as HTMLInputElement).checked).toBe(true);
  });

  it("is not shown while the visitor still waits", async () => {
    const server = installFakeServer();
    server.routes[TICKET] = () => json(200, { ticket: ticket({ language: "en" }) });
    render(<StatusPage publicId={PUBLIC_ID} />);
    await screen.findByText(DICTIONARIES.en.statusWaiting, {}, LOADED);
    expect(screen.queryByRole("heading", { level: 2, name: DICTIONARIES.en.feedback.heading })).toBeNull();
    expect(server.requests.some((r) => r.path === FEEDBACK)).toBe(false);
  });
});
