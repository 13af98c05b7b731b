import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TopBar } from "../../shell/TopBar.js";
import { renderWithServer } from "../../test/server.js";
import { AdminScreen } from "../AdminScreen.js";
import { aCentre, adminServer, aUser, CENTRE_ID } from "../test/admin-server.js";

afterEach(cleanup);

describe("the Administration entry", () => {
  it.each([
    ["admin", true],
    ["manager", true],
    ["staff", false],
    ["viewer", false],
    ["volunteer", false],
  ] as const)("a %s sees the link: %s", (role, shown) => {
    const { fetch } = adminServer(() => undefined);
    renderWithServer(
      <TopBar user={aUser(role)} centre={null} centres={null} onChooseCentre={() => {}} current="desk" />,
      fetch,
    );
    expect(screen.queryByRole("link", { name: "Administration" }) !== null).toBe(shown);
  });

  it("an employee who types the address is told plainly, and nothing is asked of the server", () => {
    const server = adminServer(() => undefined);
    renderWithServer(
      <AdminScreen user={aUser("staff")} view="centres" centreId={CENTRE_ID} onChooseCentre={() => {}} />,
      server.fetch,
    );
    expect(screen.getByRole("heading", { name: "Not allowed" })).toBeTruthy();
    expect(server.calls.filter((c) => c.url.pathname.startsWith("/api/v1/admin"))).toEqual([]);
  });

  it("names every screen in Azerbaijani and Russian too", () => {
    for (const [language, name] of [
      ["az", "Mərkəzlər"],
      ["ru", "Центры"],
    ] as const) {
      const { fetch } = adminServer(() => ({ body: { centres: [] } }));
      const view = renderWithServer(
        <AdminScreen user={aUser("admin")} view="centres" centreId={null} onChooseCentre={() => {}} />,
        fetch,
        language,
      );
      expect(
        within(screen.getByRole("navigation", { name: /İdarəetmə|администрирования/ })).getByRole("link", {
          name,
        }),
      ).toBeTruthy();
      view.unmount();
    }
  });
});

describe("centres", () => {
  it("an admin creates a centre with a lunch break by keyboard, and the new centre is chosen", async () => {
    const user = userEvent.setup();
    const created = aCentre({ id: "11111111-2222-4333-8444-555555555555", code: "GANJA-2" });
    const server = adminServer((call) => {
      if (call.url.pathname === "/api/v1/admin/centres" && call.method === "POST")
        return { status: 201, body: { centre: created } };
      if (call.url.pathname === "/api/v1/admin/centres") return { body: { centres: [aCentre()] } };
      return undefined;
    });
    const onChooseCentre = vi.fn();
    renderWithServer(
      <AdminScreen user={aUser("admin")} view="centres" centreId={null} onChooseCentre={onChooseCentre} />,
      server.fetch,
    );
    await user.click(await screen.findByRole("button", { name: "New centre" }));
    await user.type(screen.getByLabelText("Code"), "ganja-2");
    const name = screen.getByRole("group", { name: "Name" });
    await user.type(within(name).getByLabelText("Azerbaijani"), "Gəncə 2");
    await user.type(within(name).getByLabelText("Russian"), "Гянджа 2");
    await user.type(within(name).getByLabelText("English"), "Ganja 2");
    const lastTicket = screen.getByLabelText("Last ticket, minutes before closing");
    await user.clear(lastTicket);
    await user.type(lastTicket, "45");

    // Saturday: open in the morning only, then a period that ends before it starts is refused here.
    const saturday = screen.getByRole("group", { name: "Saturday" });
    await user.click(within(saturday).getByRole("button", { name: "Add a period on Saturday" }));
    const opens = within(saturday).getByLabelText("Saturday, period 1, opens");
    const closes = within(saturday).getByLabelText("Saturday, period 1, closes");
    await user.clear(closes);
    await user.type(closes, "08:00");
    expect(within(saturday).getByRole("alert").textContent).toBe("This period ends before it starts.");
    expect(screen.getByRole("button", { name: "Create the centre" })).toHaveProperty("disabled", true);
    await user.clear(opens);
    await user.type(opens, "10:00");
    await user.clear(closes);
    await user.type(closes, "14:00");
    expect(within(saturday).queryByRole("alert")).toBeNull();
    // The weekdays keep the default lunch break, said in words.
    expect(
      within(screen.getByRole("group", { name: "Monday" })).getByText("Breaks: 13:00–14:00"),
    ).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Create the centre" }));
    await waitFor(() => expect(onChooseCentre).toHaveBeenCalledWith(created.id));
    const post = server.writes()[0]!;
    expect(post.url.pathname).toBe("/api/v1/admin/centres");
    expect(post.body).toMatchObject({
      code: "GANJA-2",
      name: { az: "Gəncə 2", ru: "Гянджа 2", en: "Ganja 2" },
      timezone: "Asia/Baku",
      lastTicketMinutesBeforeClosing: 45,
      openingHours: {
        mon: [
          { open: "09:00", close: "13:00" },
          { open: "14:00", close: "18:00" },
        ],
        sat: [{ open: "10:00", close: "14:00" }],
        sun: [],
      },
    });
    expect(screen.getByRole("status").textContent).toContain("Centre GANJA-2 saved.");
  });

  it("a manager edits only the hours and last ticket of its centre; no new centre is offered", async () => {
    const user = userEvent.setup();
    const server = adminServer((call) => {
      if (call.method === "PATCH")
        return { body: { centre: aCentre({ lastTicketMinutesBeforeClosing: 15 }) } };
      if (call.url.pathname === "/api/v1/admin/centres") return { body: { centres: [aCentre()] } };
      return undefined;
    });
    renderWithServer(
      <AdminScreen user={aUser("manager")} view="centres" centreId={CENTRE_ID} onChooseCentre={() => {}} />,
      server.fetch,
    );
    await user.click(await screen.findByRole("button", { name: "Edit BAKU-1" }));
    expect(screen.queryByRole("button", { name: "New centre" })).toBeNull();
    expect(screen.getByLabelText("Code")).toHaveProperty("disabled", true);
    expect(screen.getByLabelText("Timezone")).toHaveProperty("disabled", true);
    const lastTicket = screen.getByLabelText("Last ticket, minutes before closing");
    await user.clear(lastTicket);
    await user.type(lastTicket, "15");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(server.writes()).toHaveLength(1));
    const patch = server.writes()[0]!;
    expect(patch.url.pathname).toBe(`/api/v1/admin/centres/${CENTRE_ID}`);
    expect(Object.keys(patch.body as object).sort()).toEqual([
      "lastTicketMinutesBeforeClosing",
      "openingHours",
    ]);
  });

  it("a refusal is said in the reader's language and nothing is claimed saved", async () => {
    const user = userEvent.setup();
    const server = adminServer((call) => {
      if (call.method === "POST")
        return {
          status: 409,
          body: { error: { code: "CONFLICT", message: "code taken", reason: "duplicate" } },
        };
      return { body: { centres: [] } };
    });
    renderWithServer(
      <AdminScreen user={aUser("admin")} view="centres" centreId={null} onChooseCentre={() => {}} />,
      server.fetch,
      "ru",
    );
    await user.click(await screen.findByRole("button", { name: "Новый центр" }));
    await user.type(screen.getByLabelText("Код"), "BAKU-1");
    for (const field of within(screen.getByRole("group", { name: "Название" })).getAllByRole("textbox"))
      await user.type(field, "X");
    await user.click(screen.getByRole("button", { name: "Создать центр" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("занятым кодом"));
    expect(screen.getByRole("heading", { name: "Новый центр" })).toBeTruthy();
  });
});
