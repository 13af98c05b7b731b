import { describe, expect, it } from "vitest";
import { chooseLanguage, interpolate, nestDictionary, type Nested, type Translations } from "./i18n.js";

// These dictionaries are checked by `tsc -p shared` (npm run typecheck): each `@ts-expect-error`
// below must meet an error, so a dictionary that lost a key would no longer fail to compile.

const en = {
  title: "Queue",
  waiting: (count: number) => `Waiting: ${count}`,
  pairing: { title: "Pair", refused: "Refused" },
};

const ru: Translations<typeof en> = {
  title: "Очередь",
  waiting: (count) => `В очереди: ${count}`,
  pairing: { title: "Подключение", refused: "Отказано" },
};

const az: Translations<typeof en> = {
  title: "Növbə",
  waiting: (count) => `Gözləyir: ${count}`,
  // @ts-expect-error a nested key is missing
  pairing: { title: "Qoşulma" },
};

const wrongParameter: Translations<typeof en> = {
  ...ru,
  // @ts-expect-error a function takes the reference's parameters
  waiting: (count: string) => count,
};

const flatEn = {
  "app.title": "Console",
  "volunteer.waiting": "Waiting: {count}",
  "volunteer.wait": "About {minutes} min at {time}",
} as const;
type FlatMessages = Readonly<Record<keyof typeof flatEn, string>>;

const flatRu: FlatMessages = {
  "app.title": "Пульт",
  "volunteer.waiting": "В очереди: {count}",
  "volunteer.wait": "Около {minutes} мин к {time}",
};

// @ts-expect-error a flat dictionary lacking a key
const flatAz: FlatMessages = { "app.title": "Pult", "volunteer.waiting": "Gözləyir: {count}" };

describe("nested dictionaries", () => {
  it("are plain objects of texts and functions", () => {
    expect(ru.waiting(3)).toBe("В очереди: 3");
    expect(en.waiting(3)).toBe("Waiting: 3");
    expect([az.title, wrongParameter.title]).toEqual(["Növbə", "Очередь"]);
  });
});

describe("nestDictionary", () => {
  const t: Nested<typeof flatEn> = nestDictionary(flatRu, flatEn);

  it("reads dotted keys as nested ones and fills placeholders by name", () => {
    expect(t.app.title).toBe("Пульт");
    expect(t.volunteer.waiting({ count: 4 })).toBe("В очереди: 4");
    expect(t.volunteer.wait({ minutes: 10, time: "11:30" })).toBe("Около 10 мин к 11:30");
    // @ts-expect-error the parameters are the reference's placeholders
    expect(t.volunteer.waiting({ minutes: 4 })).toBe("В очереди: {count}");
    expect(Object.keys(flatAz)).toEqual(["app.title", "volunteer.waiting"]);
  });

  it("leaves a missing parameter visible", () => {
    expect(interpolate("Counter {label}", {})).toBe("Counter {label}");
  });
});

describe("chooseLanguage", () => {
  it("keeps an offered language and falls back otherwise", () => {
    expect(chooseLanguage("ru", "az")).toBe("ru");
    expect(chooseLanguage("de", "az")).toBe("az");
    expect(chooseLanguage(null, "en")).toBe("en");
    expect(chooseLanguage("en", "az", ["az", "ru"])).toBe("az");
  });
});
