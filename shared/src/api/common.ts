import { z } from "zod";
import type { ErrorReason } from "../errors.js";

export const LANGUAGES = ["az", "ru", "en"] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

export const localizedTextSchema = z.object({
  az: z.string().min(1),
  ru: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/**
 * Characters no free text may hold: C0 controls (tab, line feed and carriage return aside, and those
 * only where a field may span lines), DEL, C1 controls, and the bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069), which make a name read backwards on a staff screen
 * or a display ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_ON_ONE_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_ON_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** The reason a refused free text carries, in its detail's `reason` and the error's. */
export const FREE_TEXT_REASON: ErrorReason = "text_characters_not_allowed";

/**
 * Every free-text field a person types (names, labels, notes, reasons, display messages): trimmed,
 * bounded, and refused with 400 and `text_characters_not_allowed` when it holds a control or
 * bidi-override character. `multiline` lets line breaks and tabs through.
 */
export function freeText({
  min = 0,
  max,
  multiline = false,
}: {
  min?: number;
  max: number;
  multiline?: boolean;
}) {
  const forbidden = multiline ? FORBIDDEN_ON_LINES : FORBIDDEN_ON_ONE_LINE;
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((text) => !forbidden.test(text), {
      message: "must not contain control characters or bidirectional overrides",
      params: { reason: FREE_TEXT_REASON },
    });
}

/** A name or text in the three languages, as an administrator writes it (see `freeText`). */
export const localizedFreeTextSchema = (options: { max: number; multiline?: boolean } = { max: 1000 }) =>
  z.object({
    az: freeText({ min: 1, ...options }),
    ru: freeText({ min: 1, ...options }),
    en: freeText({ min: 1, ...options }),
  });

export const uuidSchema = z.uuid();

/** A `:centreId` path parameter: the centre's UUID or its code, such as `BAKU-1`. */
export const centreRefSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, "must be a centre id or code");

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    // A string, not the enum: an app older than the server still reads a reason it does not know.
    reason: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
