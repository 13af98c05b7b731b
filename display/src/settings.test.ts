import { describe, expect, it } from "vitest";
import { withoutPairing } from "@dost/shared/client";
import { readSettings } from "./settings.js";

describe("readSettings", () => {
  it("defaults to Azerbaijani on screen and az, ru, en spoken", () => {
    expect(readSettings("")).toEqual({ key: null, zone: null, langs: ["az", "ru", "en"], lang: "az" });
  });

  it("reads key, zone, lang and the spoken order", () => {
    expect(readSettings("?key=demo-display-BAKU-1&zone=first&lang=ru&langs=en,az")).toEqual({
      key: "demo-display-BAKU-1",
      zone: "first",
      langs: ["en", "az"],
      lang: "ru",
    });
  });

  it("ignores unknown and repeated languages, and falls back rather than going silent", () => {
    expect(readSettings("?langs=RU, xx ,ru,en").langs).toEqual(["ru", "en"]);
    expect(readSettings("?langs=fr,de").langs).toEqual(["az", "ru", "en"]);
    expect(readSettings("?lang=fr").lang).toBe("az");
  });

  it("treats blank values as missing", () => {
    expect(readSettings("?key=%20&zone=").key).toBeNull();
    expect(readSettings("?key=%20&zone=").zone).toBeNull();
  });
});

describe("withoutPairing", () => {
  it("drops only the key and the code", () => {
    expect(withoutPairing("http://host/display/?key=secret&zone=ground&lang=en#x")).toBe(
      "/display/?zone=ground&lang=en#x",
    );
    expect(withoutPairing("http://host/display/?key=secret")).toBe("/display/");
  });
});
