/**
 * The kiosk's device key. It arrives once in the address (`/kiosk/?key=...`), is kept in
 * localStorage, and leaves the address bar at once so it is not left on screen or in the history.
 */
const STORAGE_KEY = "dost.kiosk.deviceKey";

export function storedDeviceKey(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberDeviceKey(key: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, key);
  } catch {
    // Without storage the kiosk still works until the next reload.
  }
}

export function forgetDeviceKey(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/** Moves a `?key=` from the address into storage; returns the key to use, if any. */
export function adoptDeviceKeyFromAddress(): string | null {
  const url = new URL(window.location.href);
  const fromAddress = url.searchParams.get("key")?.trim();
  if (fromAddress) {
    rememberDeviceKey(fromAddress);
    url.searchParams.delete("key");
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
    return fromAddress;
  }
  return storedDeviceKey();
}

/**
 * Takes a one-time pairing code (`/kiosk/?pair=123456`, the link a manager's console shows as a QR)
 * out of the address at once, so neither it nor the key it becomes stays in the address bar or the
 * history; the kiosk then exchanges it for its key.
 */
export function takePairingCodeFromAddress(): string | null {
  const url = new URL(window.location.href);
  if (!url.searchParams.has("pair")) return null;
  const code = url.searchParams.get("pair")?.trim() ?? "";
  url.searchParams.delete("pair");
  window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  return code;
}
