import type { AppointmentCapacityResponse, Service } from "@dost/shared";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CENTRE_ID } from "../../test/monitoring-data.js";
import { fakeServer, renderWithServer } from "../../test/server.js";
import { CapacityPanel } from "./CapacityPanel.js";

afterEach(cleanup);

const PENSIONS = "5b6c2f1e-7d11-4a0e-9a39-5b0d8f3e5a01";
const SERVICES = [
  { id: PENSIONS, name: { az: "Pensiya", ru: "Пенсия", en: "Pensions" } },
] as unknown as Service[];

const advice = (applied: boolean): AppointmentCapacityResponse => ({
  date: "2026-11-24",
  targetWaitMinutes: 15,
  basedOn: ["2026-11-17"],
  services: [
    {
      serviceId: PENSIONS,
      configuredCapacity: 3,
      suggestedCapacity: 1,
      hours: [
        { hour: 9, slots: 3, configuredCapacity: applied ? 2 : 3, suggestedCapacity: 2 },
        { hour: 10, slots: 3, configuredCapacity: 1, suggestedCapacity: 1 },
      ],
    },
  ],
});

function renderPanel(mayApply: boolean) {
  let applied = false;
  const server = fakeServer((url) => {
    const base = `/api/v1/centres/${CENTRE_ID}/appointment-capacity`;
    if (url.pathname === `${base}/apply`) applied = true;
    else if (url.pathname !== base) return undefined;
    return { body: advice(applied) };
  });
  renderWithServer(
    <CapacityPanel centreId={CENTRE_ID} timeZone="Asia/Baku" services={SERVICES} mayApply={mayApply} />,
    server.fetch,
    "en",
  );
  return server;
}

const rows = () =>
  [...document.querySelectorAll(".capacity-table tbody tr")].map((tr) =>
    [...tr.querySelectorAll("th, td")].map((cell) => cell.textContent),
  );

describe("the appointment-capacity table", () => {
  it("shows each hour's configured capacity against its suggestion, and a manager applies them in one step", async () => {
    const server = renderPanel(true);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect([...document.querySelectorAll(".capacity-table thead th")].map((th) => th.textContent)).toEqual([
      "Service",
      "Default",
      "09:00",
      "10:00",
    ]);
    // Each hour: configured, with the suggestion after an arrow where it differs.
    expect(rows()).toEqual([["Pensions", "3", "3 → 2", "1"]]);
    fireEvent.click(screen.getByRole("button", { name: "Apply suggestions" }));
    await screen.findByText("Suggestions applied: each hour's slot capacity is now as suggested.");
    expect(rows()).toEqual([["Pensions", "3", "2", "1"]]);
    expect(server.requests.some((u) => u.pathname.endsWith("/appointment-capacity/apply"))).toBe(true);
    expect((screen.getByRole("button", { name: "Apply suggestions" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it("offers a viewer the table and no button", async () => {
    renderPanel(false);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.queryByRole("button", { name: "Apply suggestions" })).toBeNull();
  });
});
