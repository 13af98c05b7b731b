import { z } from "zod";
import {
  centreRefSchema,
  isoDateTimeSchema,
  languageSchema,
  localizedTextSchema,
  uuidSchema,
} from "./common.js";
import { counterStatusSchema } from "./counters.js";
import { prioritySchema, ticketStatusSchema } from "./tickets.js";

export const liveServiceStatsSchema = z.object({
  serviceId: uuidSchema,
  waiting: z.number().int(),
  longestWaitSeconds: z.number(),
  averageWaitSecondsToday: z.number().nullable(),
  servedToday: z.number().int(),
  /** Share of today's calls made within the service's target wait; null before the first call. */
  slaPercentToday: z.number().nullable(),
  targetWaitMinutes: z.number(),
  /** Someone has waited longer than the target right now. */
  overTarget: z.boolean(),
  satisfactionPercentToday: z.number().nullable(),
  feedbackCountToday: z.number().int(),
});

export const liveCounterStatsSchema = z.object({
  id: uuidSchema,
  label: z.string(),
  zone: z.string(),
  status: counterStatusSchema,
  breakReason: z.string().nullable(),
  user: z.object({ id: uuidSchema, username: z.string(), displayName: z.string() }).nullable(),
  currentTicket: z
    .object({ id: uuidSchema, code: z.string(), status: ticketStatusSchema, since: isoDateTimeSchema })
    .nullable(),
  servedToday: z.number().int(),
  /** Open with nobody at the counter: seconds since its last visitor left (or it opened). */
  idleSeconds: z.number().nullable(),
});

export const hourFiguresSchema = z.object({
  hour: z.number().int(),
  issued: z.number().int(),
  served: z.number().int(),
  averageWaitSeconds: z.number().nullable(),
});

/** How today's quoted waits came true (shared/domain/wait-accuracy.ts), over visitors already called. */
export const waitAccuracyFiguresSchema = z.object({
  /** Called visitors whose quote at issue was kept. */
  quotedCount: z.number().int(),
  /** Share called inside the band they were quoted; null when no quote had a band. */
  insideBandPercent: z.number().nullable(),
  medianAbsoluteErrorMinutes: z.number().nullable(),
  /** Share who waited more than 5 minutes longer than quoted. */
  underEstimatedPercent: z.number().nullable(),
});
export type WaitAccuracyFigures = z.infer<typeof waitAccuracyFiguresSchema>;

/** One priority group's waits today, from issue to first call. */
export const groupWaitFiguresSchema = z.object({
  priority: prioritySchema,
  count: z.number().int(),
  meanWaitMinutes: z.number(),
  p90WaitMinutes: z.number(),
  /** This group's mean ÷ ordinary visitors' mean; null without ordinary visitors. */
  ofOrdinaryMean: z.number().nullable(),
});

export const fairnessFiguresSchema = z.object({
  ordinary: groupWaitFiguresSchema.extend({ longestWaitMinutes: z.number() }).nullable(),
  groups: z.array(groupWaitFiguresSchema),
});
export type FairnessFigures = z.infer<typeof fairnessFiguresSchema>;

export const liveStatsResponseSchema = z.object({
  centreId: uuidSchema,
  generatedAt: isoDateTimeSchema,
  services: z.array(liveServiceStatsSchema),
  counters: z.array(liveCounterStatsSchema),
  hours: z.array(hourFiguresSchema),
  accuracyToday: waitAccuracyFiguresSchema,
  fairnessToday: fairnessFiguresSchema,
});
export type LiveStats = z.infer<typeof liveStatsResponseSchema>;

export const nationalCentreStatsSchema = z.object({
  centreId: uuidSchema,
  code: z.string(),
  name: localizedTextSchema,
  waiting: z.number().int(),
  longestWaitSeconds: z.number(),
  averageWaitSecondsToday: z.number().nullable(),
  servedToday: z.number().int(),
  slaPercentToday: z.number().nullable(),
  openCounters: z.number().int(),
  servicesOverTarget: z.number().int(),
  satisfactionPercentToday: z.number().nullable(),
  feedbackCountToday: z.number().int(),
});
export const nationalStatsResponseSchema = z.object({
  generatedAt: isoDateTimeSchema,
  centres: z.array(nationalCentreStatsSchema),
});
export type NationalStats = z.infer<typeof nationalStatsResponseSchema>;

export const REPORT_GROUPS = ["day", "hour", "service", "counter", "staff", "priority"] as const;
export const reportGroupSchema = z.enum(REPORT_GROUPS);
export type ReportGroup = z.infer<typeof reportGroupSchema>;

export const reportQuerySchema = z
  .strictObject({
    centreId: centreRefSchema.optional(),
    from: z.iso.date(),
    to: z.iso.date(),
    groupBy: reportGroupSchema.default("day"),
    format: z.enum(["json", "csv"]).default("json"),
    language: languageSchema.default("az"),
  })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["to"] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 3 * 366 * 86_400_000, {
    message: "at most three years at a time",
    path: ["to"],
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const reportFiguresSchema = z.object({
  issued: z.number().int(),
  called: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  cancelled: z.number().int(),
  expired: z.number().int(),
  averageWaitSeconds: z.number().nullable(),
  medianWaitSeconds: z.number().nullable(),
  p90WaitSeconds: z.number().nullable(),
  averageServiceSeconds: z.number().nullable(),
  slaPercent: z.number().nullable(),
  appointmentsKept: z.number().int(),
  appointmentsMissed: z.number().int(),
  /** Counted waits per bin of WAIT_BIN_EDGES_MINUTES. */
  waitBins: z.array(z.number().int()),
  /** Share of visitors' scores of 4 or 5 (the satisfaction KPI); null without any score. */
  satisfactionPercent: z.number().nullable(),
  /** Scores given for visits that ended in the group. */
  feedbackCount: z.number().int(),
  /** How the waits quoted at issue came true for the group's called visitors. */
  ...waitAccuracyFiguresSchema.shape,
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

export const reportRowSchema = reportFiguresSchema.extend({ key: z.string(), label: z.string() });
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportResponseSchema = z.object({
  centreId: uuidSchema.nullable(),
  from: z.iso.date(),
  to: z.iso.date(),
  groupBy: reportGroupSchema,
  rows: z.array(reportRowSchema),
  totals: reportFiguresSchema,
});
export type Report = z.infer<typeof reportResponseSchema>;
