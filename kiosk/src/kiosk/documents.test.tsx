import type { Language } from "@dost/shared";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Confirmation } from "../booking/Confirmation.js";
import { DICTIONARIES, I18nProvider } from "../i18n/i18n.js";
import { StatusPage } from "../status/StatusPage.js";
import { CERTIFICATES, CENTRE, PENSION, PUBLIC_ID, ticket } from "../test/fixtures.js";
import { installFakeServer, json } from "../test/fake-server.js";
import { findStartScreen, renderKiosk, settle } from "../test/render.js";
import "../test/setup.js";
import { skipPhone } from "../test/phone-step.js";

vi.mock("socket.io-client", async () => ({ io: (await import("../test/fake-socket.js")).fakeIo }));

const LANGUAGES: Language[] = ["az", "ru", "en"];
const documentsIn = (language: Language) => (CERTIFICATES.documents ?? []).map((d) => d[language]);

/** The items of the "what to bring" list inside an element. */
function listed(container: HTMLElement, language: Language): string[] {
  const list = within(container).getByRole("region", { name: DICTIONARIES[language].bring.listHeading });
  return within(list)
    .getAllByRole("listitem")
    .map((li) => li.textContent ?? "");
}

async function chooseIn(language: Language, serviceName: string) {
  await userEvent.click(screen.getByRole("button", { name: DICTIONARIES[language].languageName }));
  await userEvent.click(screen.getByRole("button", { name: new RegExp(serviceName) }));
}

describe("what to bring, at the kiosk", () => {
  it.each(LANGUAGES)("asks about the service's documents before the ticket, in %s", async (language) => {
    const t = DICTIONARIES[language];
    const server = installFakeServer();
    renderKiosk();
    await findStartScreen();
    await chooseIn(language, CERTIFICATES.name[language]);

    const heading = screen.getByRole("heading", { level: 1, name: t.bring.heading });
    expect(heading).toBe(document.activeElement);
    const items = [...document.querySelectorAll(".documents-to-bring li")].map((li) => li.textContent);
    expect(items).toEqual(documentsIn(language));
    // Nothing is issued until the visitor has answered both questions.
    expect(server.requests.some((r) => r.method === "POST")).toBe(false);

    await userEvent.click(screen.getByRole("button", { name: t.bring.continue }));
    await skipPhone();
    expect(screen.getByRole("heading", { level: 1, name: t.priorityHeading })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: t.priorityNo }));
    const ticketHeading = await screen.findByRole("heading", { level: 1, name: t.ticketHeading });

    const issued = server.requests.find((r) => r.method === "POST");
    expect(issued?.body).toEqual({ serviceId: CERTIFICATES.id, priority: "none", language });
    // On the screen's ticket and on the paper one.
    expect(listed(ticketHeading.parentElement as HTMLElement, language)).toEqual(documentsIn(language));
    const receipt = document.querySelector(".receipt") as HTMLElement;
    const printed = [...receipt.querySelectorAll(".document-list li")].map((li) => li.textContent);
    expect(printed).toEqual(documentsIn(language));
    expect(receipt.querySelector(".document-list-heading")?.textContent).toBe(t.bring.listHeading);
  });

  it("goes back to the services from the question, issuing nothing", async () => {
    const server = installFakeServer();
    renderKiosk();
    await findStartScreen();
    await chooseIn("ru", CERTIFICATES.name.ru);
    await userEvent.click(screen.getByRole("button", { name: DICTIONARIES.ru.back }));
    expect(screen.getByRole("heading", { level: 1, name: DICTIONARIES.ru.startHeading })).toBeTruthy();
    expect(server.requests.some((r) => r.method === "POST")).toBe(false);
  });

  it("skips the question, and the list, for a service that needs no documents", async () => {
    installFakeServer();
    renderKiosk();
    await findStartScreen();
    await chooseIn("en", PENSION.name.en);
    await skipPhone();
    expect(screen.getByRole("heading", { level: 1, name: DICTIONARIES.en.priorityHeading })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: DICTIONARIES.en.priorityNo }));
    await screen.findByRole("heading", { level: 1, name: DICTIONARIES.en.ticketHeading });
    expect(document.querySelector(".document-list")).toBeNull();
  });
});

describe("what to bring, on the status page", () => {
  it.each(LANGUAGES)("lists the documents while the ticket waits, in %s", async (language) => {
    const server = installFakeServer();
    server.routes[`GET /api/v1/public/tickets/${PUBLIC_ID}`] = () =>
      json(200, { ticket: ticket({ language, serviceId: CERTIFICATES.id, code: "N007" }) });
    render(<StatusPage publicId={PUBLIC_ID} />);
    await screen.findByText(DICTIONARIES[language].statusWaiting);
    await settle();
    expect(listed(document.body, language)).toEqual(documentsIn(language));
  });

  it("no longer lists them once the visit is over", async () => {
    const server = installFakeServer();
    server.routes[`GET /api/v1/public/tickets/${PUBLIC_ID}`] = () =>
      json(200, {
        ticket: ticket({
          language: "en",
          serviceId: CERTIFICATES.id,
          status: "done",
          position: null,
          estimatedWaitMinutes: null,
        }),
      });
    render(<StatusPage publicId={PUBLIC_ID} />);
    await screen.findByText(DICTIONARIES.en.statusDone);
    await settle();
    expect(document.querySelector(".document-list")).toBeNull();
  });
});

describe("what to bring, on the booking confirmation", () => {
  it.each(LANGUAGES)("lists the documents in %s", (language) => {
    render(
      <I18nProvider language={language} onLanguageChange={() => undefined}>
        <Confirmation
          appointment={{
            id: "44444444-4444-4444-8444-444444444444",
            code: "HK7M3XQ9RT",
            centreId: CENTRE.id,
            serviceId: CERTIFICATES.id,
            start: "2026-11-24T05:00:00.000Z",
            end: "2026-11-24T05:20:00.000Z",
            status: "booked",
            language,
            citizen: null,
            ticketId: null,
            checkedInAt: null,
          }}
          centre={CENTRE}
          service={CERTIFICATES}
          onBookAnother={() => undefined}
        />
      </I18nProvider>,
    );
    expect(listed(document.body, language)).toEqual(documentsIn(language));
  });
});
