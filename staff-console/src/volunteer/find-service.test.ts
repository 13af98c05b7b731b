import type { Service } from "@dost/shared";
import { describe, expect, it } from "vitest";
import { findServices, fold } from "./find-service.js";

const service = (code: string, prefix: string, name: Service["name"]): Service => ({
  id: `00000000-0000-4000-8000-00000000000${prefix.charCodeAt(0) % 10}`,
  code,
  prefix,
  name,
  category: "x",
  documents: [],
  appointmentEnabled: false,
  targetWaitMinutes: 15,
  waiting: 0,
  estimatedWaitMinutes: 0,
});

const PENSION = service("PEN-AGE", "A", {
  az: "Yaşa görə əmək pensiyasının təyini",
  ru: "Назначение трудовой пенсии по возрасту",
  en: "Old-age labour pension",
});
const UNEMPLOYED = service("EMP-REG", "G", {
  az: "İşsiz kimi qeydiyyat",
  ru: "Регистрация в качестве безработного",
  en: "Registration as unemployed",
});
const CERTIFICATES = service("DOC-CERT", "N", {
  az: "Arayışların verilməsi",
  ru: "Выдача справок",
  en: "Certificates and references",
});
const ALL = [PENSION, UNEMPLOYED, CERTIFICATES];
const codes = (query: string) => findServices(ALL, query).map((s) => s.code);

describe("finding a service by words in any language", () => {
  it.each([
    ["pensiya", ["PEN-AGE"]],
    ["пенсии", ["PEN-AGE"]],
    ["pension", ["PEN-AGE"]],
    ["İşsiz", ["EMP-REG"]],
    ["безработ", ["EMP-REG"]],
    ["справ", ["DOC-CERT"]],
    ["registr", ["EMP-REG"]],
  ])("%s finds %j", (query, expected) => {
    expect(codes(query)).toEqual(expected);
  });

  it("folds the letters a tablet keyboard may lack", () => {
    expect(codes("issiz")).toEqual(["EMP-REG"]);
    expect(codes("emek pensiya")).toEqual(["PEN-AGE"]);
    expect(codes("arayislar")).toEqual(["DOC-CERT"]);
    expect(fold("Ёлка Əli İşıq")).toBe("елка eli isiq");
  });

  it("needs every word, matches codes and prefixes, and lists all for no words", () => {
    expect(codes("pension unemployed")).toEqual([]);
    expect(codes("doc-cert")).toEqual(["DOC-CERT"]);
    expect(codes("n")).toEqual(["DOC-CERT"]);
    expect(codes("  ")).toEqual(["PEN-AGE", "EMP-REG", "DOC-CERT"]);
    expect(codes("xyz")).toEqual([]);
  });
});
