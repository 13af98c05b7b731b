import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { adminServer, aUser } from "../admin/test/admin-server.js";
import { useSession } from "../session/session.js";
import { renderWithServer } from "../test/server.js";
import { ChangePasswordScreen } from "./ChangePasswordScreen.js";
import { SignInScreen } from "./SignInScreen.js";

afterEach(cleanup);

/** The part of App that matters here: sign-in, the password change, then the console. */
function Gate() {
  const { state } = useSession();
  if (state.status === "mustChangePassword") return <ChangePasswordScreen user={state.user} />;
  if (state.status === "signedIn") return <p>Signed in as {state.user.username}</p>;
  return <SignInScreen reason="none" />;
}

describe("the first sign-in with a temporary password", () => {
  it("asks for a new password, sends it with the temporary one, then carries on signed in", async () => {
    const user = userEvent.setup();
    const staff = aUser("staff", { username: "nigar", mustChangePassword: true });
    let changed = false;
    const server = adminServer((call) => {
      if (call.url.pathname === "/api/v1/auth/login") return { body: { token: "t1", user: staff } };
      if (call.url.pathname === "/api/v1/auth/password") {
        const body = call.body as { newPassword: string };
        if (body.newPassword === "password1234")
          return { status: 400, body: { error: { code: "VALIDATION_FAILED", message: "common" } } };
        changed = true;
        return { body: { user: { ...staff, mustChangePassword: false } } };
      }
      return undefined;
    });
    // /auth/me answers 401 before sign-in and the user once the password is changed.
    const fetch: typeof globalThis.fetch = async (input, init) =>
      changed && String(input).endsWith("/auth/me")
        ? new Response(
            JSON.stringify({ user: { ...staff, mustChangePassword: false }, lastServiceIds: [] }),
            {
              headers: { "content-type": "application/json" },
            },
          )
        : server.fetch(input, init);
    renderWithServer(<Gate />, fetch);

    await user.type(await screen.findByLabelText("Username"), "nigar");
    await user.type(screen.getByLabelText("Password"), "tmp-Kq8v-2Lm9-xR4t");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("heading", { name: "Choose your own password" })).toBeTruthy();

    await user.type(screen.getByLabelText("New password"), "short");
    await user.type(screen.getByLabelText("The new password again"), "short");
    await user.click(screen.getByRole("button", { name: "Save and continue" }));
    expect(screen.getByRole("alert").textContent).toBe("At least 12 characters.");

    await user.clear(screen.getByLabelText("New password"));
    await user.clear(screen.getByLabelText("The new password again"));
    await user.type(screen.getByLabelText("New password"), "password1234");
    await user.type(screen.getByLabelText("The new password again"), "password1234");
    await user.click(screen.getByRole("button", { name: "Save and continue" }));
    expect((await screen.findByRole("alert")).textContent).toContain("too short or too common");

    await user.clear(screen.getByLabelText("New password"));
    await user.clear(screen.getByLabelText("The new password again"));
    await user.type(screen.getByLabelText("New password"), "Xq7-lantern-orbit");
    await user.type(screen.getByLabelText("The new password again"), "Xq7-lantern-orbit");
    await user.click(screen.getByRole("button", { name: "Save and continue" }));
    expect(await screen.findByText("Signed in as nigar")).toBeTruthy();
    const sent = server.calls.filter((c) => c.url.pathname === "/api/v1/auth/password").at(-1)!;
    expect(sent.body).toEqual({ currentPassword: "tmp-Kq8v-2Lm9-xR4t", newPassword: "Xq7-lantern-orbit" });
    await waitFor(() => expect(changed).toBe(true));
  });
});
