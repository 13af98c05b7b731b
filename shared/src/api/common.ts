import { z } from "zod";

export const LANGUAGES = ["az", "ru", "en"] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

export const localizedTextSchema = z.object({
  az: z.string().min(1),
  ru: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

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
