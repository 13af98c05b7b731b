import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithServer } from "../../test/server.js";
import { AdminScreen } from "../AdminScreen.js";
import { adminServer, aService, aUser, CENTRE_ID } from "../test/admin-server.js";

afterEach(cleanup);

const CATALOGUE = Array.from({ length: 200 }, (_, n) => aService(n));
CATALOGUE[137] = aService(137, { name: { az: "Şəhadətnamə", ru: "Свидетельство", en: "Certificate" } });

describe("the service catalogue", () => {
  it("finds one service among 200 by words (any language, accents ignored) and by category", async () => {
    const user = userEvent.setup();
    const server = adminServer(() => ({ body: { services: CATALOGUE } }));
    renderWithServer(
      <AdminScreen user={aUser("admin")} view="services" centreId={null} onChooseCentre={() => {}} />,
      server.fetch,
    );
    expect(await screen.findByText("Shown: 200 of 200")).toBeTruthy();
    await user.type(screen.getByRole("searchbox", { name: "Search" }), "sehadetname");
    await waitFor(() => expect(screen.getByText("Shown: 1 of 200")).toBeTruthy());
    expect(screen.getByRole("rowheader", { name: "SVC-137" })).toBeTruthy();
    await user.clear(screen.getByRole("searchbox", { name: "Search" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Category" }), "pensions");
    await waitFor(() => expect(screen.getByText("Shown: 50 of 200")).toBeTruthy());
  });

  it("an admin creates a service with a three-letter prefix and a document to bring", async () => {
    const user = userEvent.setup();
    const server = adminServer((call) =>
      call.method === "POST"
        ? { status: 201, body: { service: aService(300, { code: "PENSION-NEW" }) } }
        : { body: { services: CATALOGUE.slice(0, 3) } },
    );
    renderWithServer(
      <AdminScreen user={aUser("admin")} view="services" centreId={null} onChooseCentre={() => {}} />,
      server.fetch,
    );
    await user.click(await screen.findByRole("button", { name: "New service" }));
    await user.type(screen.getByLabelText("Code"), "pension-new");
    await user.type(screen.getByLabelText("Prefix"), "pen");
    const name = screen.getByRole("group", { name: "Name" });
    await user.type(within(name).getByLabelText("Azerbaijani"), "Pensiya");
    await user.type(within(name).getByLabelText("Russian"), "Пенсия");
    await user.type(within(name).getByLabelText("English"), "Pension");
    await user.type(screen.getByLabelText("Category"), "pensions");
    await user.click(screen.getByRole("button", { name: "Add a document" }));
    const document = screen.getByRole("group", { name: "Document 1" });
    await user.type(within(document).getByLabelText("Azerbaijani"), "Şəxsiyyət vəsiqəsi");
    await user.type(within(document).getByLabelText("Russian"), "Удостоверение личности");
    await user.type(within(document).getByLabelText("English"), "Identity card");
    await user.click(screen.getByRole("button", { name: "Create the service" }));
    await waitFor(() => expect(server.writes()).toHaveLength(1));
    expect(server.writes()[0]!.body).toMatchObject({
      code: "PENSION-NEW",
      prefix: "PEN",
      category: "pensions",
      documents: [{ az: "Şəxsiyyət vəsiqəsi", ru: "Удостоверение личности", en: "Identity card" }],
      active: true,
    });
    expect(await screen.findByText("Service PENSION-NEW saved.")).toBeTruthy();
  });

  it("a manager reads the catalogue but is offered no way to change it", async () => {
    const server = adminServer(() => ({ body: { services: CATALOGUE.slice(0, 3) } }));
    renderWithServer(
      <AdminScreen user={aUser("manager")} view="services" centreId={CENTRE_ID} onChooseCentre={() => {}} />,
      server.fetch,
      "az",
    );
    expect(await screen.findByText("Göstərilir: 3 / 3")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Yeni xidmət" })).toBeNull();
    expect(screen.queryByRole("button", { name: /redaktə/ })).toBeNull();
  });
});

describe("a centre's offer", () => {
  it("offers a service with the centre's own prefix and target, and sends the whole offer", async () => {
    const user = userEvent.setup();
    const services = CATALOGUE.slice(0, 3);
    const offered = {
      serviceId: services[0]!.id,
      code: services[0]!.code,
      name: services[0]!.name,
      prefix: services[0]!.prefix,
      position: 0,
      slotCapacity: null,
      targetWaitMinutes: null,
      active: true,
    };
    const server = adminServer((call) => {
      if (call.url.pathname === "/api/v1/admin/services") return { body: { services } };
      if (call.url.pathname === `/api/v1/admin/centres/${CENTRE_ID}/services`)
        return { body: { services: [offered] } };
      if (call.url.pathname === "/api/v1/admin/centres") return { body: { centres: [] } };
      return undefined;
    });
    renderWithServer(
      <AdminScreen user={aUser("admin")} view="offer" centreId={CENTRE_ID} onChooseCentre={() => {}} />,
      server.fetch,
    );
    expect(await screen.findByText("Offered here: 1")).toBeTruthy();
    await user.click(screen.getByRole("checkbox", { name: "Offer Service 2" }));
    await user.type(screen.getByRole("textbox", { name: /Own prefix for Service 2/ }), "abc");
    await user.type(
      screen.getByRole("spinbutton", { name: /Own target wait in minutes for Service 2/ }),
      "45",
    );
    await user.click(screen.getByRole("button", { name: "Save what this centre offers" }));
    await waitFor(() => expect(server.writes()).toHaveLength(1));
    const put = server.writes()[0]!;
    expect(put.method).toBe("PUT");
    expect(put.body).toEqual({
      services: [
        { serviceId: services[0]!.id, slotCapacity: null, targetWaitMinutes: null },
        { serviceId: services[2]!.id, prefix: "ABC", slotCapacity: null, targetWaitMinutes: 45 },
      ],
    });
  });
});
