/**
 * The kiosk's client-side routes. The server answers every /kiosk/... path with index.html, so the
 * address alone says which screen to show; no router library is needed for five routes.
 */
export type Route =
  | { name: "status"; publicId: string }
  | { name: "book" }
  | { name: "manage"; code: string | null }
  | { name: "waits" }
  | { name: "feedback" }
  | { name: "kiosk" };

const STATUS_PATH = /\/t\/([A-Za-z0-9_-]{22})\/?$/;
const BOOK_PATH = /\/book\/?$/;
const MANAGE_PATH = /\/book\/manage\/?$/;
/** The public waits page: served at /waits/ (and, as every kiosk path, under /kiosk/). */
const WAITS_PATH = /\/waits\/?$/;
/** A counter's feedback tablet: /kiosk/feedback/?key=<the feedback device's key>. */
const FEEDBACK_PATH = /\/kiosk\/feedback\/?$/;

export function routeOf(pathname: string, search = ""): Route {
  const status = STATUS_PATH.exec(pathname);
  if (status?.[1]) return { name: "status", publicId: status[1] };
  if (MANAGE_PATH.test(pathname)) return { name: "manage", code: new URLSearchParams(search).get("code") };
  if (BOOK_PATH.test(pathname)) return { name: "book" };
  if (WAITS_PATH.test(pathname)) return { name: "waits" };
  if (FEEDBACK_PATH.test(pathname)) return { name: "feedback" };
  return { name: "kiosk" };
}

/**
 * The address of a ticket's status page, which the ticket's QR code holds: under the system's
 * public address when the operator set one (PUBLIC_URL), else under the kiosk's own.
 */
export function statusUrl(publicId: string, origin = window.location.origin): string {
  return `${origin.replace(/\/+$/, "")}${import.meta.env.BASE_URL}t/${publicId}`;
}
