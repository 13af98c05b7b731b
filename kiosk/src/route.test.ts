import { describe, expect, it } from "vitest";
import { routeOf, statusUrl } from "./route.js";

describe("routes", () => {
  it("recognises a ticket's status page by its public id", () => {
    expect(routeOf("/kiosk/t/AbCdEfGhIjKlMnOpQrSt_-")).toEqual({
      name: "status",
      publicId: "AbCdEfGhIjKlMnOpQrSt_-",
    });
    expect(routeOf("/kiosk/t/AbCdEfGhIjKlMnOpQrSt_-/")).toEqual({
      name: "status",
      publicId: "AbCdEfGhIjKlMnOpQrSt_-",
    });
  });

  it("shows the kiosk for anything else", () => {
    expect(routeOf("/kiosk/")).toEqual({ name: "kiosk" });
    expect(routeOf("/kiosk/t/too-short")).toEqual({ name: "kiosk" });
    expect(routeOf("/kiosk/book")).toEqual({ name: "kiosk" });
  });

  it("builds the status address a phone opens from the QR code", () => {
    expect(statusUrl("AbCdEfGhIjKlMnOpQrSt_-", "http://queue.example")).toBe(
      `http://queue.example${import.meta.env.BASE_URL}t/AbCdEfGhIjKlMnOpQrSt_-`,
    );
  });
});
