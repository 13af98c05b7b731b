/** The part of localStorage the display uses; a narrow type so tests can pass a Map-backed fake. */
export type KeyStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const STORAGE_KEY = "dost.display.deviceKey";

// Storage can throw (private mode, quota, disabled by policy); the display must still run, it just
// forgets its key on reload.
export function rememberedKey(storage: KeyStorage): string | null {
  try {
    return storage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberKey(storage: KeyStorage, key: string): void {
  try {
    storage.setItem(STORAGE_KEY, key);
  } catch {
    // see above
  }
}

export function forgetKey(storage: KeyStorage): void {
  try {
    storage.removeItem(STORAGE_KEY);
  } catch {
    // see above
  }
}
