import { describe, expect, it } from "vitest";
import { memoryStorage } from "../test/fakes.js";
import { forgetKey, rememberedKey, rememberKey, type KeyStorage } from "./device-key.js";

describe("device key storage", () => {
  it("remembers and forgets the key", () => {
    const storage = memoryStorage();
    rememberKey(storage, "demo-display-BAKU-1");
    expect(rememberedKey(storage)).toBe("demo-display-BAKU-1");
    forgetKey(storage);
    expect(rememberedKey(storage)).toBeNull();
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
    expect(() => rememberKey(broken, "k")).not.toThrow();
    expect(rememberedKey(broken)).toBeNull();
    expect(() => forgetKey(broken)).not.toThrow();
  });
});
