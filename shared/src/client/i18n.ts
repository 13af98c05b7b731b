import { LANGUAGES, type Language } from "../api/common.js";

/**
 * The apps' one way to translate: components read `t.section.key` for a text and call
 * `t.section.key(...)` for a text that embeds values. Each app keeps its own dictionaries; this
 * file holds the machinery they share.
 *
 * Two ways to write a dictionary reach that same shape:
 * - nested objects whose parametrised texts are functions (the kiosk, the display), each language
 *   typed as the app's `Messages` interface or as `Translations<typeof en>`;
 * - flat `"section.key": "text with {name}"` entries (the staff console, 600 keys), turned into the
 *   nested shape by `nestDictionary`, with `{name}` placeholders becoming a function's parameters.
 * Either way a language that lacks a key of the reference fails `tsc`.
 */

/** A parameter a text embeds. */
export type TextParam = string | number;

/**
 * The shape another language must have, from the reference (English) dictionary: the same keys at
 * every depth, any text for a string, the same parameters for a function.
 */
export type Translations<Reference> = Reference extends string
  ? string
  : Reference extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof Reference]: Translations<Reference[K]> };

/** The `{name}` placeholders of a literal text. */
export type Placeholders<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** A flat entry as the nested dictionary has it: a text, or a function filling its placeholders. */
type NestedLeaf<Text> = Text extends string
  ? [Placeholders<Text>] extends [never]
    ? string
    : (params: Readonly<Record<Placeholders<Text>, TextParam>>) => string
  : never;

type Head<Key> = Key extends `${infer First}.${string}` ? First : Key;

/**
 * `{ "a.b": "x", "a.c": "{n} y" }` as `{ a: { b: string; c: (params: { n }) => string } }`. The
 * reference must be `as const`, so that its placeholders are visible to the type checker.
 */
export type Nested<Flat extends Readonly<Record<string, string>>> = {
  readonly [H in Head<keyof Flat & string>]: H extends keyof Flat
    ? NestedLeaf<Flat[H]>
    : Nested<{ [K in keyof Flat & string as K extends `${H}.${infer Rest}` ? Rest : never]: Flat[K] }>;
};

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
export function interpolate(text: string, params: Readonly<Record<string, TextParam>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

const PLACEHOLDER = /\{\w+\}/;

interface Branch {
  [segment: string]: Branch | string | ((params: Readonly<Record<string, TextParam>>) => string);
}

/**
 * A flat dictionary as the nested one components read. Whether an entry is a function follows the
 * reference's text, so every language has the same shape even if a translation dropped a
 * placeholder (the apps' tests check the placeholders match).
 */
export function nestDictionary<Reference extends Readonly<Record<string, string>>>(
  flat: Readonly<Record<keyof Reference & string, string>>,
  reference: Reference,
): Nested<Reference> {
  const root: Branch = {};
  for (const key of Object.keys(reference) as (keyof Reference & string)[]) {
    const path = key.split(".");
    const last = path.pop() as string;
    let branch = root;
    for (const segment of path) {
      const next = branch[segment];
      if (typeof next === "object") branch = next;
      else branch = branch[segment] = {};
    }
    const text = flat[key];
    branch[last] = PLACEHOLDER.test(reference[key] ?? "") ? (params) => interpolate(text, params) : text;
  }
  // The loop built exactly the keys Nested<Reference> names; the compiler cannot follow it.
  return root as unknown as Nested<Reference>;
}

/** A stored or requested language if the app offers it, else the app's default. */
export function chooseLanguage(
  value: unknown,
  fallback: Language,
  offered: readonly Language[] = LANGUAGES,
): Language {
  return offered.find((language) => language === value) ?? fallback;
}
