import { describe, expect, it } from "vitest";
import { memoryStorage } from "../test/fakes.js";
import { displayKey, type KeyStorage } from "./device-key.js";

describe("device key storage", () => {
  it("remembers and forgets the key", () => {
    const store = displayKey(memoryStorage());
    store.remember("demo-display-BAKU-1");
    expect(store.remembered()).toBe("demo-display-BAKU-1");
    store.forget();
    expect(store.remembered()).toBeNull();
  });

  it("keeps running when storage is unavailable", () => {
    const broken: KeyStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    const store = displayKey(broken);
    expect(() => store.remember("k")).not.toThrow();
    expect(store.remembered()).toBeNull();
    expect(() => store.forget()).not.toThrow();
  });
});
