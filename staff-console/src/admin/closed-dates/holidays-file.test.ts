import { describe, expect, it } from "vitest";
import { mergeDates, parseHolidaysFile } from "./holidays-file.js";

const novruz = { date: "2028-03-20", reason: { az: "Novruz", ru: "Новруз", en: "Novruz" } };

describe("a holidays file", () => {
  it("reads the contract's JSON, with or without the {dates} wrapper", () => {
    expect(parseHolidaysFile("h.json", JSON.stringify({ dates: [novruz] }))).toEqual({
      ok: true,
      dates: [novruz],
    });
    expect(parseHolidaysFile("h.txt", JSON.stringify([novruz]))).toEqual({ ok: true, dates: [novruz] });
  });

  it("reads CSV with a header in any column order, quotes and a BOM", () => {
    const csv = '\uFEFFen,date,az,ru\r\n"Novruz, day 1",2028-03-20,Novruz,Новруз\r\n';
    expect(parseHolidaysFile("h.csv", csv)).toEqual({
      ok: true,
      dates: [{ date: "2028-03-20", reason: { az: "Novruz", ru: "Новруз", en: "Novruz, day 1" } }],
    });
  });

  it("refuses the whole file at its first bad line", () => {
    expect(parseHolidaysFile("h.csv", "date,az,ru,en\n2028-03-20,a,b,c\n2028-13-40,a,b,c")).toEqual({
      ok: false,
      line: 3,
    });
    expect(parseHolidaysFile("h.csv", "day,name\n2028-03-20,x")).toEqual({ ok: false, line: 1 });
    expect(parseHolidaysFile("h.json", "{not json")).toEqual({ ok: false, line: null });
    expect(parseHolidaysFile("h.json", JSON.stringify({ dates: [{ date: "2028-03-20" }] }))).toEqual({
      ok: false,
      line: 1,
    });
  });

  it("merges by day, the imported one winning, in date order", () => {
    const old = { date: "2028-03-20", reason: { az: "x", ru: "x", en: "x" } };
    const earlier = { date: "2028-01-01", reason: { az: "Yeni il", ru: "Новый год", en: "New Year" } };
    expect(mergeDates([old], [novruz, earlier])).toEqual([earlier, novruz]);
  });
});
