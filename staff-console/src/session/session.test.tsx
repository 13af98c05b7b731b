import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { SessionProvider, useSession } from "./session.js";

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const USER = {
  id: "2f1e0c6b-7d11-4a0e-9a39-5b0d8f3e5a6f",
  username: "staff.baku1.1",
  displayName: "Aysel Məmmədova",
  role: "staff",
  centreId: "0f3c1b7e-4c2a-4d7b-9d55-1a2b3c4d5e6f",
};

const SERVICE = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const unauthenticated = () => json(401, { error: { code: "UNAUTHENTICATED", message: "Sign in" } });

/** A server that knows one token, which can be revoked. */
function fakeServer() {
  const state = { revoked: false, requests: [] as string[] };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    state.requests.push(`${init?.method ?? "GET"} ${url}`);
    const bearer = new Headers(init?.headers).get("authorization");
    if (url.endsWith("/auth/login")) return json(200, { token: "t-1", user: USER });
    if (bearer !== "Bearer t-1" || state.revoked) return unauthenticated();
    if (url.endsWith("/auth/me")) return json(200, { user: USER, lastServiceIds: [SERVICE] });
    return json(200, { counters: [] });
  };
  return { state, fetch };
}

function Probe() {
  const { state, signIn, api } = useSession();
  return (
    <div>
      <p data-testid="state">
        {state.status}
        {state.status === "signedOut" ? `:${state.reason}` : ""}
        {state.status === "signedIn" ? `:${state.user.username}:${state.lastServiceIds?.join()}` : ""}
      </p>
      <button type="button" onClick={() => void signIn("staff.baku1.1", "dost-demo").catch(() => {})}>
        sign in
      </button>
      <button type="button" onClick={() => void api.counters("BAKU-1").catch(() => {})}>
        fetch
      </button>
    </div>
  );
}

describe("the session", () => {
  it("starts signed out, signs in with a token, and keeps the last work profile", async () => {
    const server = fakeServer();
    render(
      <SessionProvider fetch={server.fetch}>
        <Probe />
      </SessionProvider>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("signedOut:none"));
    await userEvent.click(screen.getByRole("button", { name: "sign in" }));
    await waitFor(() =>
      expect(screen.getByTestId("state").textContent).toBe(`signedIn:staff.baku1.1:${SERVICE}`),
    );
    expect(sessionStorage.getItem("dost.console.token")).toBe("t-1");
  });

  it("returns to sign-in, saying the session ended, on any 401 once signed in", async () => {
    const server = fakeServer();
    sessionStorage.setItem("dost.console.token", "t-1");
    render(
      <SessionProvider fetch={server.fetch}>
        <Probe />
      </SessionProvider>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toMatch(/^signedIn/));
    server.state.revoked = true;
    await userEvent.click(screen.getByRole("button", { name: "fetch" }));
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("signedOut:expired"));
    expect(sessionStorage.getItem("dost.console.token")).toBeNull();
    // Nothing was sent to close the counter: the server keeps it as it was.
    expect(server.state.requests.some((r) => r.includes("/close"))).toBe(false);
  });
});
