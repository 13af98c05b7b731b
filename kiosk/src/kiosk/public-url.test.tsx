import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { demoRoutes, installFakeServer, json, type Handler } from "../test/fake-server.js";
import { PENSION, PUBLIC_ID } from "../test/fixtures.js";
import { findStartScreen, renderKiosk } from "../test/render.js";
import "../test/setup.js";
import { skipPhone } from "../test/phone-step.js";

vi.mock("socket.io-client", async () => ({ io: (await import("../test/fake-socket.js")).fakeIo }));

describe("the ticket's QR code", () => {
  it("holds the system's public address when the operator set PUBLIC_URL", async () => {
    const routes = demoRoutes();
    const me = routes["GET /api/v1/devices/me"] as Handler;
    routes["GET /api/v1/devices/me"] = async (r) => {
      const answer = (await (await me(r)).json()) as object;
      return json(200, { ...answer, publicUrl: "https://queue.example.az/" });
    };
    installFakeServer(routes);
    renderKiosk();
    await findStartScreen();
    fireEvent.click(screen.getByRole("button", { name: new RegExp(PENSION.name.az) }));
    await skipPhone();
    fireEvent.click(screen.getByRole("button", { name: "Xeyr" }));
    await screen.findByRole("heading", { level: 1, name: "Növbə talonunuz" });
    expect(document.querySelector("figure.qr")?.getAttribute("data-status-url")).toBe(
      `https://queue.example.az${import.meta.env.BASE_URL}t/${PUBLIC_ID}`,
    );
  });
});
