import type { AuditEvent } from "@dost/shared";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithServer } from "../../test/server.js";
import { AdminScreen } from "../AdminScreen.js";
import { aCentre, adminServer, aUser, CENTRE_ID, NOW } from "../test/admin-server.js";

afterEach(cleanup);

const CENTRES = "/api/v1/admin/centres";

describe("the priority policy", () => {
  it("says what a bonus means in plain words, as it is typed, and saves it in seconds", async () => {
    const user = userEvent.setup();
    const server = adminServer((call) => {
      if (call.method === "PATCH") return { body: { centre: aCentre() } };
      if (call.url.pathname === `${CENTRES}/${CENTRE_ID}`) return { body: { centre: aCentre() } };
      if (call.url.pathname === CENTRES) return { body: { centres: [aCentre()] } };
      return undefined;
    });
    renderWithServer(
      <AdminScreen user={aUser("admin")} view="policy" centreId={CENTRE_ID} onChooseCentre={() => {}} />,
      server.fetch,
    );
    expect((await screen.findByTestId("explain-veteran")).textContent).toBe(
      "A war veteran is called as if they had waited 15 minutes longer.",
    );
    const veteran = screen.getByRole("spinbutton", { name: "War veteran" });
    await user.clear(veteran);
    await user.type(veteran, "20");
    expect(screen.getByTestId("explain-veteran").textContent).toBe(
      "A war veteran is called as if they had waited 20 minutes longer.",
    );
    await user.click(screen.getByRole("button", { name: "Save the policy" }));
    await waitFor(() => expect(server.writes()).toHaveLength(1));
    expect(server.writes()[0]!.body).toEqual({
      policy: {
        priorityBonusSeconds: {
          none: 0,
          disability: 900,
          veteran: 1200,
          martyr_family: 900,
          elderly: 600,
          pregnant: 600,
        },
        appointmentBonusSeconds: aCentre().policy.appointmentBonusSeconds,
      },
    });
  });

  it("is read-only for a manager, in Russian", async () => {
    const server = adminServer((call) =>
      call.url.pathname === `${CENTRES}/${CENTRE_ID}` ? { body: { centre: aCentre() } } : undefined,
    );
    renderWithServer(
      <AdminScreen user={aUser("manager")} view="policy" centreId={CENTRE_ID} onChooseCentre={() => {}} />,
      server.fetch,
      "ru",
    );
    expect((await screen.findByTestId("explain-veteran")).textContent).toBe(
      "Ветерана войны вызывают так, будто он ждал на 15 мин дольше.",
    );
    expect(screen.getByRole("spinbutton", { name: "Ветеран войны" })).toHaveProperty("disabled", true);
    expect(screen.queryByRole("button", { name: "Сохранить приоритет" })).toBeNull();
  });
});

describe("closed dates", () => {
  it("an admin imports a year's national holidays from a CSV file, checks them, and saves them whole", async () => {
    const user = userEvent.setup();
    const server = adminServer((call) => {
      if (call.method === "PUT") return { body: call.body };
      if (call.url.pathname === "/api/v1/admin/holidays")
        return {
          body: {
            dates: [{ date: "2028-01-01", reason: { az: "Yeni il", ru: "Новый год", en: "New Year" } }],
          },
        };
      if (call.url.pathname.endsWith("/closed-dates")) return { body: { dates: [] } };
      if (call.url.pathname === CENTRES) return { body: { centres: [] } };
      return undefined;
    });
    renderWithServer(
      <AdminScreen
        user={aUser("admin")}
        view="closed-dates"
        centreId={CENTRE_ID}
        onChooseCentre={() => {}}
      />,
      server.fetch,
    );
    const holidays = await screen.findByRole("region", { name: "National holidays" });
    await within(holidays).findByRole("rowheader", { name: "2028-01-01" });
    const file = new File(
      ["date,az,ru,en\n2028-03-20,Novruz,Новруз,Novruz\n2028-03-21,Novruz,Новруз,Novruz\n"],
      "holidays-2028.csv",
      { type: "text/csv" },
    );
    await user.upload(within(holidays).getByLabelText("Import from a file"), file);
    expect(await within(holidays).findByText("Dates imported: 2. Check them, then save.")).toBeTruthy();
    expect(
      within(holidays)
        .getAllByRole("rowheader")
        .map((r) => r.textContent),
    ).toEqual(["2028-01-01", "2028-03-20", "2028-03-21"]);
    await user.click(within(holidays).getByRole("button", { name: "Save: National holidays" }));
    await waitFor(() => expect(server.writes()).toHaveLength(1));
    expect(server.writes()[0]!.url.pathname).toBe("/api/v1/admin/holidays");
    expect((server.writes()[0]!.body as { dates: unknown[] }).dates).toHaveLength(3);

    // A bad file imports nothing and says which line.
    await user.upload(
      within(holidays).getByLabelText("Import from a file"),
      new File(["date,az,ru,en\n2028-02-30,x,y,z\n"], "bad.csv", { type: "text/csv" }),
    );
    expect((await within(holidays).findByRole("alert")).textContent).toContain("Line 2");
    expect(within(holidays).getAllByRole("rowheader")).toHaveLength(3);
  });

  it("a manager keeps its centre's own closed dates and sees no national list", async () => {
    const user = userEvent.setup();
    const server = adminServer((call) => {
      if (call.method === "PUT") return { body: call.body };
      if (call.url.pathname.endsWith("/closed-dates")) return { body: { dates: [] } };
      return undefined;
    });
    renderWithServer(
      <AdminScreen
        user={aUser("manager")}
        view="closed-dates"
        centreId={CENTRE_ID}
        onChooseCentre={() => {}}
      />,
      server.fetch,
    );
    const own = await screen.findByRole("region", { name: "This centre's closed dates" });
    expect(screen.queryByRole("region", { name: "National holidays" })).toBeNull();
    await user.type(within(own).getByLabelText("Date"), "2026-12-15");
    const reason = within(own).getByRole("group", { name: "Reason" });
    await user.type(within(reason).getByLabelText("Azerbaijani"), "Təmir");
    await user.type(within(reason).getByLabelText("Russian"), "Ремонт");
    await user.type(within(reason).getByLabelText("English"), "Repairs");
    await user.click(within(own).getByRole("button", { name: "Add the date" }));
    await user.click(within(own).getByRole("button", { name: "Save: This centre's closed dates" }));
    await waitFor(() => expect(server.writes()).toHaveLength(1));
    expect(server.writes()[0]!.url.pathname).toBe(`${CENTRES}/${CENTRE_ID}/closed-dates`);
    expect(server.writes()[0]!.body).toEqual({
      dates: [{ date: "2026-12-15", reason: { az: "Təmir", ru: "Ремонт", en: "Repairs" } }],
    });
  });
});

const anEvent = (id: string, overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  id,
  at: NOW,
  actor: { userId: null, deviceId: null, name: "admin" },
  address: "10.0.0.7",
  centreId: CENTRE_ID,
  kind: "centre.updated",
  target: { type: "centre", id: CENTRE_ID },
  before: { lastTicketMinutesBeforeClosing: 30 },
  after: { lastTicketMinutesBeforeClosing: 15 },
  note: null,
  ...overrides,
});

describe("the audit view", () => {
  it("filters by who and what, pages on, and downloads every page as CSV", async () => {
    const user = userEvent.setup();
    const server = adminServer((call) => {
      if (call.url.pathname !== "/api/v1/admin/audit") return undefined;
      return call.url.searchParams.get("cursor")
        ? {
            body: {
              events: [anEvent("1", { kind: "auth.sign_in", before: null, after: null })],
              nextCursor: null,
            },
          }
        : { body: { events: [anEvent("2", { note: "=cmd" })], nextCursor: "1" } };
    });
    let csv = "";
    const createObjectURL = vi.fn((blob: Blob) => {
      const reader = new FileReader();
      // Decoded keeping the BOM, which readAsText would silently drop.
      reader.onload = () =>
        (csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blob);
      return "blob:audit";
    });
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = () => {};
    HTMLAnchorElement.prototype.click = () => {};
    renderWithServer(
      <AdminScreen user={aUser("manager")} view="audit" centreId={CENTRE_ID} onChooseCentre={() => {}} />,
      server.fetch,
    );
    await screen.findByRole("cell", { name: "centre.updated" });
    await user.type(screen.getByLabelText("Who (username)"), "admin");
    await user.selectOptions(screen.getByLabelText("What"), "centre.updated");
    await user.click(screen.getByRole("button", { name: "Show" }));
    await waitFor(() => {
      const last = server.calls.at(-1)!.url.searchParams;
      expect([last.get("actor"), last.get("kind"), last.get("centreId")]).toEqual([
        "admin",
        "centre.updated",
        CENTRE_ID,
      ]);
    });
    await user.click(await screen.findByRole("button", { name: "Show older" }));
    await screen.findByRole("cell", { name: "auth.sign_in" });

    await user.click(screen.getByRole("button", { name: "Download CSV" }));
    await waitFor(() => expect(csv).not.toBe(""));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe('\uFEFF"When (UTC)","Who","What","Centre","On","Address","Before","After","Note"');
    expect(lines[1]).toContain('"centre.updated"');
    expect(lines[1]).toContain('"{""lastTicketMinutesBeforeClosing"":30}"');
    expect(lines[1]).toContain(`"'=cmd"`);
    expect(lines[2]).toContain('"auth.sign_in"');
    const downloads = server.calls.filter((c) => c.url.searchParams.get("limit") === "200");
    expect(downloads.map((c) => c.url.searchParams.get("cursor"))).toEqual([null, "1"]);
  });
});
