import type { AdminDevice } from "@dost/shared";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithServer } from "../../test/server.js";
import { AdminScreen } from "../AdminScreen.js";
import { adminServer, aUser, CENTRE_ID, NOW } from "../test/admin-server.js";

afterEach(cleanup);

const kiosk: AdminDevice = {
  id: "00000000-0000-4000-8000-00000000d001",
  centreId: CENTRE_ID,
  kind: "kiosk",
  label: "Entrance kiosk",
  counterId: null,
  printer: null,
  revokedAt: null,
  createdAt: NOW,
};

describe("a kiosk's network printer", () => {
  it("is set from the Devices screen, and removed by emptying the address", async () => {
    const user = userEvent.setup();
    let current = kiosk;
    const server = adminServer((call) => {
      if (call.method === "PATCH") {
        const { printer } = call.body as { printer: string | null };
        current = { ...kiosk, printer: printer === null ? null : `${printer}:9100` };
        return { body: { device: current } };
      }
      if (call.url.pathname.endsWith("/devices")) return { body: { devices: [current] } };
      if (call.url.pathname.endsWith("/counters")) return { body: { counters: [] } };
      return undefined;
    });
    renderWithServer(
      <AdminScreen user={aUser("manager")} view="devices" centreId={CENTRE_ID} onChooseCentre={() => {}} />,
      server.fetch,
    );
    await user.selectOptions(await screen.findByLabelText("Kiosk"), "Entrance kiosk");
    await user.type(screen.getByLabelText("Printer address"), " 10.0.5.21 ");
    await user.click(screen.getByRole("button", { name: "Save the printer" }));
    await waitFor(() => expect(server.writes()).toHaveLength(1));
    expect(server.writes()[0]!.method).toBe("PATCH");
    expect(server.writes()[0]!.url.pathname).toBe(`/api/v1/admin/devices/${kiosk.id}`);
    expect(server.writes()[0]!.body).toEqual({ printer: "10.0.5.21" });
    await waitFor(() =>
      expect((screen.getByLabelText("Printer address") as HTMLInputElement).value).toBe("10.0.5.21:9100"),
    );

    await user.clear(screen.getByLabelText("Printer address"));
    await user.click(screen.getByRole("button", { name: "Save the printer" }));
    await waitFor(() => expect(server.writes()).toHaveLength(2));
    expect(server.writes()[1]!.body).toEqual({ printer: null });
  });
});
