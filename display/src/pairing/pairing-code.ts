/**
 * The one-time pairing code of a pairing link (`/display/?pair=123456`, the link the console shows
 * as a QR). It is taken out of the address before the display starts, so neither the code nor the
 * key it becomes stays in the address bar or the history.
 */
export const PAIRING_CODE = /^\d{6}$/;

export function pairingCodeIn(search: string): string | null {
  const params = new URLSearchParams(search);
  return params.has("pair") ? (params.get("pair") ?? "").trim() : null;
}

/** The same address without `pair` and `key`. */
export function withoutPairing(href: string): string {
  const url = new URL(href);
  url.searchParams.delete("pair");
  url.searchParams.delete("key");
  return url.pathname + url.search + url.hash;
}
