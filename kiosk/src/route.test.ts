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
    expect(routeOf("/kiosk/other")).toEqual({ name: "kiosk" });
  });

  it("recognises the booking pages, with the code a confirmation's QR adds", () => {
    expect(routeOf("/kiosk/book")).toEqual({ name: "book" });
    expect(routeOf("/kiosk/book/")).toEqual({ name: "book" });
    expect(routeOf("/kiosk/book/manage")).toEqual({ name: "manage", code: null });
    expect(routeOf("/kiosk/book/manage/", "?code=ABCD2345")).toEqual({ name: "manage", code: "ABCD2345" });
  });

  it("recognises a counter's feedback tablet under the kiosk", () => {
    expect(routeOf("/kiosk/feedback/")).toEqual({ name: "feedback" });
    expect(routeOf("/kiosk/feedback")).toEqual({ name: "feedback" });
  });

  it("recognises the public waits page, at /waits/ as under the kiosk", () => {
    expect(routeOf("/waits/")).toEqual({ name: "waits" });
    expect(routeOf("/waits")).toEqual({ name: "waits" });
    expect(routeOf("/kiosk/waits")).toEqual({ name: "waits" });
  });

  it("builds the status address a phone opens from the QR code", () => {
    expect(statusUrl("AbCdEfGhIjKlMnOpQrSt_-", "http://queue.example")).toBe(
      `http://queue.example${import.meta.env.BASE_URL}t/AbCdEfGhIjKlMnOpQrSt_-`,
    );
    // PUBLIC_URL as an operator may write it, with a trailing slash.
    expect(statusUrl("AbCdEfGhIjKlMnOpQrSt_-", "https://queue.example.az/")).toBe(
      `https://queue.example.az${import.meta.env.BASE_URL}t/AbCdEfGhIjKlMnOpQrSt_-`,
    );
  });
});
