/** The part of localStorage a device key needs; narrow, so tests can pass a Map-backed fake. */
export type KeyStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** Where a paired kiosk or display keeps its device key between reloads. */
export interface DeviceKeyStore {
  remembered(): string | null;
  remember(key: string): void;
  forget(): void;
}

/**
 * A device key kept under `name`. Storage can throw (private mode, quota, disabled by policy); the
 * device must still run, it just forgets its key on reload.
 */
export function deviceKeyStore(name: string, storage: () => KeyStorage = () => localStorage): DeviceKeyStore {
  return {
    remembered() {
      try {
        return storage().getItem(name);
      } catch {
        return null;
      }
    },
    remember(key) {
      try {
        storage().setItem(name, key);
      } catch {
        // see above
      }
    },
    forget() {
      try {
        storage().removeItem(name);
      } catch {
        // Nothing stored, nothing to forget.
      }
    },
  };
}

/**
 * What a pairing address carries: a device key (`?key=`, older installs) or a one-time pairing
 * code (`?pair=123456`, the link a manager's console shows as a QR). An empty key is none; a
 * `pair` present but empty is an empty code, which the pairing screen refuses.
 */
export function pairingIn(search: string): { key: string | null; pairingCode: string | null } {
  const params = new URLSearchParams(search);
  const key = params.get("key")?.trim();
  return {
    key: key ? key : null,
    pairingCode: params.has("pair") ? (params.get("pair") ?? "").trim() : null,
  };
}

/** The same address (path, query and hash) without `pair` and `key`. */
export function withoutPairing(href: string): string {
  const url = new URL(href);
  url.searchParams.delete("pair");
  url.searchParams.delete("key");
  return url.pathname + url.search + url.hash;
}

/**
 * Takes the pairing parameters out of the address at once, so neither a code nor a key stays in
 * the address bar or the history, and remembers a key that came in it.
 */
export function takePairingFromAddress(store: DeviceKeyStore): {
  key: string | null;
  pairingCode: string | null;
} {
  const found = pairingIn(window.location.search);
  if (found.key) store.remember(found.key);
  if (found.key || found.pairingCode !== null)
    window.history.replaceState(window.history.state, "", withoutPairing(window.location.href));
  return found;
}
