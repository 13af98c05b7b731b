import type { Language, User } from "@dost/shared";
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CENTRE_ID } from "../test/monitoring-data.js";
import { fakeServer, renderWithServer } from "../test/server.js";
import { MonitoringScreen } from "./MonitoringScreen.js";
import type { MonitoringView } from "./routes.js";

afterEach(cleanup);

const person = (role: User["role"]): User => ({
  id: "2f1e0c6b-7d11-4a0e-9a39-5b0d8f3e5a6f",
  username: role,
  displayName: role,
  role,
  centreId: role === "admin" || role === "viewer" ? null : CENTRE_ID,
});

function open(role: User["role"], view: MonitoringView, language: Language = "en") {
  // Whatever a screen asks, the server has nothing: this test is about who sees what.
  const server = fakeServer(() => ({
    status: 503,
    body: { error: { code: "UNAVAILABLE", message: "down" } },
  }));
  const user = person(role);
  renderWithServer(
    <MonitoringScreen user={user} view={view} centreId={user.centreId} centre={null} centres={[]} />,
    server.fetch,
    language,
  );
}

describe("who sees monitoring", () => {
  it.each<MonitoringView>(["live", "national", "reports"])(
    "refuses an employee the %s screen, plainly",
    (view) => {
      open("staff", view);
      expect(screen.getByRole("heading", { name: "Not allowed" })).toBeTruthy();
      expect(screen.getByRole("alert").textContent).toContain("for centre managers and administrators");
      expect(screen.getByRole("link", { name: "Back to the counter" }).getAttribute("href")).toBe(
        "/console/",
      );
    },
  );

  it("refuses a manager the national view, which is the ministry's", () => {
    open("manager", "national");
    expect(screen.getByRole("heading", { name: "Not allowed" })).toBeTruthy();
  });

  it("offers a manager the centre and its reports, an admin all centres too", () => {
    open("manager", "reports");
    const links = () =>
      within(screen.getByRole("navigation", { name: "Monitoring screens" }))
        .getAllByRole("link")
        .map((a) => [a.textContent, a.getAttribute("aria-current")]);
    expect(links()).toEqual([
      ["Live centre", null],
      ["Reports", "page"],
    ]);
    cleanup();
    open("admin", "national");
    expect(links()).toEqual([
      ["Live centre", null],
      ["All centres", "page"],
      ["Reports", null],
    ]);
  });

  it("offers a viewer (the ministry's analyst) the national view and every centre, read-only", () => {
    open("viewer", "national");
    expect(screen.queryByRole("heading", { name: "Not allowed" })).toBeNull();
    const links = within(screen.getByRole("navigation", { name: "Monitoring screens" }))
      .getAllByRole("link")
      .map((a) => a.textContent);
    expect(links).toEqual(["Live centre", "All centres", "Reports"]);
    // Nothing on the national view writes: no form, no button but sorting the table's columns.
    expect(document.querySelector("form")).toBeNull();
    cleanup();
    open("viewer", "live");
    expect(screen.getByText(/Choose a centre at the top of the page/)).toBeTruthy();
  });

  it("asks an admin without a centre to choose one for the live screen", () => {
    open("admin", "live");
    expect(screen.getByText(/Choose a centre at the top of the page/)).toBeTruthy();
  });

  it.each<[Language, string]>([
    ["az", "İcazə yoxdur"],
    ["ru", "Доступ запрещён"],
  ])("says it in %s", (language, title) => {
    open("staff", "live", language);
    expect(screen.getByRole("heading", { name: title })).toBeTruthy();
  });
});
