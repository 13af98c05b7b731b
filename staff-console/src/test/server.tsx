import type { Language } from "@dost/shared";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { LanguageProvider } from "../i18n/i18n.js";
import { SessionProvider } from "../session/session.js";

export interface FakeAnswer {
  status?: number;
  body: unknown;
}

/**
 * The server at the component boundary: `fetch` answered by a function of the request, every
 * request recorded. An unanswered path is a 404 in the contract's error shape.
 */
export function fakeServer(answer: (url: URL) => FakeAnswer | undefined) {
  const requests: URL[] = [];
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(String(input), "http://console.test");
    requests.push(url);
    const found =
      url.pathname === "/api/v1/auth/me"
        ? { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "Sign in" } } }
        : (answer(url) ?? { status: 404, body: { error: { code: "NOT_FOUND", message: "No such route" } } });
    return new Response(JSON.stringify(found.body), {
      status: found.status ?? 200,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, requests };
}

/** Renders inside the language layer and a session whose requests go to `fetch`. */
export function renderWithServer(
  ui: ReactElement,
  fetch: typeof globalThis.fetch,
  language: Language = "en",
) {
  localStorage.setItem("dost.console.language", language);
  return render(
    <LanguageProvider>
      <SessionProvider fetch={fetch}>{ui}</SessionProvider>
    </LanguageProvider>,
  );
}
