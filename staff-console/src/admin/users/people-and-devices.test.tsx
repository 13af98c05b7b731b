import type { AdminCounter, AdminDevice, AdminUser } from "@dost/shared";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithServer } from "../../test/server.js";
import { AdminScreen } from "../AdminScreen.js";
import { adminServer, aUser, CENTRE_ID, NOW } from "../test/admin-server.js";

afterEach(cleanup);

const render = (
  role: "admin" | "manager",
  view: "users" | "devices" | "counters",
  fetch: typeof globalThis.fetch,
) =>
  renderWithServer(
    <AdminScreen user={aUser(role)} view={view} centreId={CENTRE_ID} onChooseCentre={() => {}} />,
    fetch,
  );

const counter = (label: string, zone: string): AdminCounter => ({
  id: `00000000-0000-4000-8000-0000000000${label.padStart(2, "0")}`,
  centreId: CENTRE_ID,
  label,
  zone,
  active: true,
  status: "closed",
});

describe("counters", () => {
  it("are grouped by zone, and a new one is added to a zone", async () => {
    const user = userEvent.setup();
    const server = adminServer((call) =>
      call.method === "POST"
        ? { status: 201, body: { counter: counter("9", "first-floor") } }
        : call.url.pathname.endsWith("/counters")
          ? { body: { counters: [counter("1", "main"), counter("2", "main"), counter("3", "first-floor")] } }
          : undefined,
    );
    render("manager", "counters", server.fetch);
    const main = await screen.findByRole("region", { name: "Zone: main" });
    expect(
      within(main)
        .getAllByRole("rowheader")
        .map((c) => c.textContent),
    ).toEqual(["1", "2"]);
    expect(
      within(screen.getByRole("region", { name: "Zone: first-floor" })).getByRole("rowheader").textContent,
    ).toBe("3");
    await user.type(screen.getByLabelText("Counter"), "9");
    const zone = screen.getByLabelText("Zone");
    await user.clear(zone);
    await user.type(zone, "first-floor");
    await user.click(screen.getByRole("button", { name: "Add the counter" }));
    await waitFor(() => expect(server.writes()).toHaveLength(1));
    expect(server.writes()[0]!.body).toEqual({ label: "9", zone: "first-floor" });
  });
});

const aPerson = (username: string, overrides: Partial<AdminUser> = {}): AdminUser => ({
  id: `00000000-0000-4000-8000-${[...username]
    .map((c) => c.charCodeAt(0).toString(16))
    .join("")
    .padStart(12, "0")
    .slice(-12)}`,
  username,
  displayName: username,
  role: "staff",
  centreId: CENTRE_ID,
  mustChangePassword: false,
  disabled: false,
  disabledAt: null,
  createdAt: NOW,
  ...overrides,
});

describe("users", () => {
  it("a manager creates an employee, whose temporary password is shown once, then disables and resets another", async () => {
    const user = userEvent.setup();
    const leila = aPerson("leila");
    const server = adminServer((call) => {
      if (call.method === "POST" && call.url.pathname === "/api/v1/admin/users")
        return {
          status: 201,
          body: {
            user: aPerson("nigar", { mustChangePassword: true }),
            temporaryPassword: "tmp-Kq8v-2Lm9-xR4t",
          },
        };
      if (call.method === "PATCH") return { body: { user: { ...leila, disabled: true, disabledAt: NOW } } };
      if (call.url.pathname.endsWith("/reset-password"))
        return { body: { temporaryPassword: "tmp-NEW-PASS-0001" } };
      if (call.url.pathname === "/api/v1/admin/users") return { body: { users: [leila] } };
      return undefined;
    });
    render("manager", "users", server.fetch);
    await screen.findByRole("rowheader", { name: "leila" });
    // A manager may only create staff and volunteers.
    const roles = within(screen.getByRole("combobox", { name: "Role" })).getAllByRole("option");
    expect(roles.map((o) => o.textContent)).toEqual(["Employee", "Volunteer"]);

    await user.type(screen.getByLabelText("Username"), "nigar");
    await user.type(screen.getByLabelText("Full name"), "Nigar Ismayilova");
    await user.click(screen.getByRole("button", { name: "Create the account" }));
    const secret = await screen.findByRole("status", { name: "Temporary password for nigar" });
    expect(within(secret).getByTestId("one-time-secret").textContent).toBe("tmp-Kq8v-2Lm9-xR4t");
    expect(server.writes()[0]!.body).toEqual({
      username: "nigar",
      displayName: "Nigar Ismayilova",
      role: "staff",
      centreId: CENTRE_ID,
    });
    await user.click(within(secret).getByRole("button", { name: "Done, I have noted it" }));
    expect(screen.queryByText("tmp-Kq8v-2Lm9-xR4t")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Disable leila" }));
    await waitFor(() => expect(server.writes()).toHaveLength(2));
    expect(server.writes()[1]!).toMatchObject({ method: "PATCH", body: { disabled: true } });
    expect(server.writes()[1]!.url.pathname).toBe(`/api/v1/admin/users/${leila.id}`);

    await user.click(screen.getByRole("button", { name: "Reset the password of leila" }));
    expect(
      within(await screen.findByRole("status", { name: "Temporary password for leila" })).getByTestId(
        "one-time-secret",
      ).textContent,
    ).toBe("tmp-NEW-PASS-0001");
  });

  it("an admin changes a role, and a refused change is said", async () => {
    const user = userEvent.setup();
    const server = adminServer((call) => {
      if (call.method === "PATCH")
        return { status: 403, body: { error: { code: "FORBIDDEN", message: "not in your scope" } } };
      if (call.url.pathname === "/api/v1/admin/users") return { body: { users: [aPerson("rashad")] } };
      if (call.url.pathname === "/api/v1/admin/centres") return { body: { centres: [] } };
      return undefined;
    });
    render("admin", "users", server.fetch);
    await user.selectOptions(await screen.findByRole("combobox", { name: "Role of rashad" }), "manager");
    expect((await screen.findByRole("alert")).textContent).toContain("You are not allowed to do that.");
    expect(server.writes()[0]!.body).toEqual({ role: "manager" });
  });
});

const aDevice = (label: string, kind: AdminDevice["kind"]): AdminDevice => ({
  id: "00000000-0000-4000-8000-00000000d001",
  centreId: CENTRE_ID,
  kind,
  label,
  counterId: null,
  revokedAt: null,
  createdAt: NOW,
});

describe("devices", () => {
  it("a new kiosk's key is shown once; its pairing code comes with a QR of the full pairing link; revoking asks first", async () => {
    const user = userEvent.setup();
    const kiosk = aDevice("Entrance kiosk", "kiosk");
    const server = adminServer((call) => {
      if (call.url.pathname.endsWith("/pairing-code"))
        return {
          body: { code: "482913", expiresAt: "2026-03-10T06:10:00.000Z", pairingUrl: "/kiosk/?pair=482913" },
        };
      if (call.url.pathname.endsWith("/revoke")) return { body: { device: { ...kiosk, revokedAt: NOW } } };
      if (call.method === "POST") return { status: 201, body: { device: kiosk, key: "dk_live_secret_key" } };
      if (call.url.pathname.endsWith("/devices")) return { body: { devices: [kiosk] } };
      if (call.url.pathname.endsWith("/counters")) return { body: { counters: [] } };
      return undefined;
    });
    render("manager", "devices", server.fetch);
    await user.type(await screen.findByLabelText("Name"), "Entrance kiosk");
    await user.click(screen.getByRole("button", { name: "Add the device" }));
    const key = await screen.findByRole("status", { name: "Key of Entrance kiosk" });
    expect(within(key).getByTestId("one-time-secret").textContent).toBe("dk_live_secret_key");
    expect(server.writes()[0]!.body).toEqual({ kind: "kiosk", label: "Entrance kiosk" });

    await user.click(screen.getByRole("button", { name: "Pairing code for Entrance kiosk" }));
    const pairing = await screen.findByRole("status", { name: "Pairing code for Entrance kiosk" });
    expect(screen.queryByText("dk_live_secret_key")).toBeNull();
    expect(within(pairing).getByTestId("one-time-secret").textContent).toBe("482913");
    expect(within(pairing).getByRole("img", { name: "QR code of the pairing link" })).toBeTruthy();
    expect(within(pairing).getByTestId("pairing-link").getAttribute("href")).toBe(
      `${window.location.origin}/kiosk/?pair=482913`,
    );

    window.confirm = () => false;
    await user.click(screen.getByRole("button", { name: "Revoke Entrance kiosk" }));
    expect(server.writes().some((c) => c.url.pathname.endsWith("/revoke"))).toBe(false);
    window.confirm = () => true;
    await user.click(screen.getByRole("button", { name: "Revoke Entrance kiosk" }));
    await waitFor(() =>
      expect(
        server.writes().filter((c) => c.url.pathname === `/api/v1/admin/devices/${kiosk.id}/revoke`),
      ).toHaveLength(1),
    );
  });

  it("a counter tablet needs its counter", async () => {
    const user = userEvent.setup();
    const server = adminServer((call) =>
      call.url.pathname.endsWith("/counters")
        ? { body: { counters: [counter("4", "main")] } }
        : call.method === "POST"
          ? { status: 201, body: { device: aDevice("Tablet 4", "feedback"), key: "k" } }
          : { body: { devices: [] } },
    );
    render("manager", "devices", server.fetch);
    await user.selectOptions(await screen.findByLabelText("Kind"), "feedback");
    await user.type(screen.getByLabelText("Name"), "Tablet 4");
    await user.selectOptions(screen.getByLabelText("Counter"), "4");
    await user.click(screen.getByRole("button", { name: "Add the device" }));
    await waitFor(() => expect(server.writes()).toHaveLength(1));
    expect(server.writes()[0]!.body).toEqual({
      kind: "feedback",
      label: "Tablet 4",
      counterId: counter("4", "main").id,
    });
  });
});
