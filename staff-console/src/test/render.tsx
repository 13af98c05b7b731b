import type { Language, Ticket, TicketStatus } from "@dost/shared";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { LanguageProvider } from "../i18n/i18n.js";

/** Renders inside the language layer, in English unless told otherwise. */
export function renderInLanguage(ui: ReactElement, language: Language = "en") {
  localStorage.setItem("dost.console.language", language);
  return render(<LanguageProvider>{ui}</LanguageProvider>);
}

export function aTicket(status: TicketStatus, overrides: Partial<Ticket> = {}): Ticket {
  const now = Date.now();
  return {
    id: "5b0d8f3e-5a6f-4a0e-9a39-2f1e0c6b7d11",
    publicId: "AAAAAAAAAAAAAAAAAAAAAA",
    centreId: "0f3c1b7e-4c2a-4d7b-9d55-1a2b3c4d5e6f",
    serviceId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    code: "A042",
    status,
    priority: "none",
    issuedAt: new Date(now - 15 * 60_000).toISOString(),
    calledAt: status === "waiting" ? null : new Date(now - 2 * 60_000).toISOString(),
    startedAt: status === "serving" || status === "done" ? new Date(now - 60_000).toISOString() : null,
    finishedAt: null,
    counter: null,
    position: status === "waiting" ? 0 : null,
    estimatedWaitMinutes: null,
    estimatedWaitRange: null,
    language: "az",
    ...overrides,
  };
}
