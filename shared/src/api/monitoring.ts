import { z } from "zod";
import { isoDateTimeSchema, uuidSchema } from "./common.js";

/*
 * Monitoring beyond the live figures: the alerts raised as a centre's queue changes, the thresholds
 * that raise them, and the staffing forecast. The rules behind them are pure, in shared/src/domain:
 * alert-rules.ts, alert-diff.ts and staffing.ts.
 */

// ── Staffing ────────────────────────────────────────────────────────────────────────────────────

export const staffingQuerySchema = z.strictObject({ date: z.iso.date() });

export const staffingHourSchema = z.object({
  /** Local hour, 0–23. */
  hour: z.number().int().min(0).max(23),
  forecastArrivals: z.number().min(0),
  handlingMinutes: z.number().min(0),
  countersNeeded: z.number().int().min(0),
  countersOpen: z.number().int().min(0),
  /** Share of visitors expected to be called within the target with `countersOpen` counters. */
  withinTargetPercent: z.number().min(0).max(100),
});

export const staffingResponseSchema = z.object({
  targetWaitMinutes: z.number().min(0),
  /** The share of visitors the target is for (80: "80 % within the target wait"). */
  serviceLevelPercent: z.number().min(0).max(100),
  /** The same-weekday dates the forecast rests on; empty before there is any history. */
  basedOn: z.array(z.iso.date()),
  hours: z.array(staffingHourSchema),
});
export type StaffingResponse = z.infer<typeof staffingResponseSchema>;

// ── Alert thresholds ────────────────────────────────────────────────────────────────────────────

/**
 * Per-centre thresholds; every field has a default, so `{}` (or a stored partial object) parses to
 * a complete set. Each rule raises at one level and clears at a gentler one (hysteresis), so an
 * alert does not flap while a figure hovers at its threshold.
 */
export const alertThresholdsSchema = z
  .strictObject({
    /** wait_over_target is raised once the longest wait passes this share of the target... */
    waitWarnShare: z.number().gt(0).max(1).default(0.8),
    /** ...and cleared only once it is back under this share (and the projected wait likewise). */
    waitClearShare: z.number().gt(0).max(1).default(0.6),
    /** Also raise when a visitor joining now is projected to wait past the target. */
    projectedWait: z.boolean().default(true),
    /** queue_surge when this hour's arrivals reach this multiple of the forecast so far... */
    surgeRatio: z.number().gt(1).max(20).default(1.5),
    /** ...and at least this many visitors above it (a few early arrivals are no surge)... */
    surgeMinExcess: z.number().int().min(1).max(1000).default(8),
    /** ...cleared once arrivals are back under this multiple. */
    surgeClearRatio: z.number().min(1).max(20).default(1.2),
    /** counter_idle after an open counter stands idle this long while its visitors wait. */
    idleMinutes: z.number().gt(0).max(240).default(3),
    /** visit_overlong once a visit runs this multiple of the service's usual (90th percentile) length. */
    overlongFactor: z.number().gt(1).max(20).default(1.5),
    /** service_uncovered once someone has waited this long with no open counter serving them. */
    uncoveredGraceSeconds: z.number().int().min(0).max(3600).default(60),
  })
  .refine((t) => t.waitClearShare < t.waitWarnShare, {
    message: "waitClearShare must be below waitWarnShare",
    path: ["waitClearShare"],
  })
  .refine((t) => t.surgeClearRatio < t.surgeRatio, {
    message: "surgeClearRatio must be below surgeRatio",
    path: ["surgeClearRatio"],
  });
export type AlertThresholds = z.infer<typeof alertThresholdsSchema>;
export type AlertThresholdsInput = z.input<typeof alertThresholdsSchema>;

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = alertThresholdsSchema.parse({});

// ── Alerts ──────────────────────────────────────────────────────────────────────────────────────

export const ALERT_KINDS = [
  "wait_over_target",
  "queue_surge",
  "counter_idle",
  "visit_overlong",
  "service_uncovered",
  "printer_problem",
] as const;
export const alertKindSchema = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof alertKindSchema>;
/** The kinds the queue rules evaluate; the others are reported by what they watch (a kiosk's printer). */
export const RULE_ALERT_KINDS = [
  "wait_over_target",
  "queue_surge",
  "counter_idle",
  "visit_overlong",
  "service_uncovered",
] as const satisfies readonly AlertKind[];

/** What stops a kiosk's network printer: no paper, its cover open, unreachable, or no answer in time. */
export const PRINTER_PROBLEMS = ["offline", "paper_out", "cover_open", "timeout"] as const;
export const printerProblemSchema = z.enum(PRINTER_PROBLEMS);
export type PrinterProblem = z.infer<typeof printerProblemSchema>;

/** `warning`: trouble is coming (raised ahead of a breach); `critical`: it is here. */
export const alertSeveritySchema = z.enum(["warning", "critical"]);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

const counterRef = { counterId: uuidSchema, counterLabel: z.string() };

/**
 * What the manager could do about it, as an action and its parameters, for the console to translate
 * ("Open counter 7 for pensions"). Chosen from the snapshot: an idle counter, a counter on break, a
 * closed one, or the least busy.
 */
export const alertSuggestionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("open_counter"), ...counterRef, serviceId: uuidSchema }),
  z.object({ action: z.literal("add_service_to_counter"), ...counterRef, serviceId: uuidSchema }),
  z.object({ action: z.literal("end_break"), ...counterRef, serviceId: uuidSchema }),
  z.object({ action: z.literal("call_next"), ...counterRef, serviceId: uuidSchema }),
  z.object({ action: z.literal("check_counter"), ...counterRef }),
  /** Every counter is open and busy: only more staff help. */
  z.object({ action: z.literal("review_staffing"), serviceId: uuidSchema.optional() }),
]);
export type AlertSuggestion = z.infer<typeof alertSuggestionSchema>;

const alertBase = {
  centreId: uuidSchema,
  /** One occurrence: a new id each time the condition starts again. */
  id: uuidSchema,
  /** The stable identity of the condition: kind and what it is about ("wait_over_target:<serviceId>"). */
  key: z.string(),
  serviceId: uuidSchema.optional(),
  counterId: uuidSchema.optional(),
  raisedAt: isoDateTimeSchema,
  /** Null while active. */
  clearedAt: isoDateTimeSchema.nullable(),
  severity: alertSeveritySchema,
  suggestion: alertSuggestionSchema.nullable(),
};

export const alertSchema = z.discriminatedUnion("kind", [
  z.object({
    ...alertBase,
    kind: z.literal("wait_over_target"),
    details: z.object({
      waiting: z.number().int(),
      longestWaitSeconds: z.number(),
      targetWaitSeconds: z.number(),
      /** The wait projected for a visitor joining now; null when no estimate exists. */
      projectedWaitSeconds: z.number().nullable(),
      /** Open counters serving the service. */
      coveringCounters: z.number().int(),
      trigger: z.enum(["longest_wait", "projected_wait"]),
    }),
  }),
  z.object({
    ...alertBase,
    kind: z.literal("queue_surge"),
    details: z.object({
      arrivalsThisHour: z.number().int(),
      /** The forecast for the share of the hour gone by. */
      expectedSoFar: z.number(),
      forecastThisHour: z.number(),
      /** Arrivals over expected; null when nobody was expected. */
      ratio: z.number().nullable(),
    }),
  }),
  z.object({
    ...alertBase,
    kind: z.literal("counter_idle"),
    details: z.object({
      counterLabel: z.string(),
      idleSeconds: z.number(),
      /** People waiting for the services this counter serves. */
      waiting: z.number().int(),
    }),
  }),
  z.object({
    ...alertBase,
    kind: z.literal("visit_overlong"),
    details: z.object({
      counterLabel: z.string(),
      ticketId: uuidSchema.optional(),
      elapsedSeconds: z.number(),
      /** The service's usual visit length (90th percentile) the visit is compared with. */
      usualSeconds: z.number(),
    }),
  }),
  z.object({
    ...alertBase,
    kind: z.literal("service_uncovered"),
    details: z.object({
      waiting: z.number().int(),
      longestWaitSeconds: z.number(),
    }),
  }),
  /** A kiosk's network printer cannot print; cleared by its next good print. Key: `printer_problem:<deviceId>`. */
  z.object({
    ...alertBase,
    kind: z.literal("printer_problem"),
    details: z.object({ deviceId: uuidSchema, deviceName: z.string(), problem: printerProblemSchema }),
  }),
]);
export type Alert = z.infer<typeof alertSchema>;

/** The live event `alert:raised`: an alert as it starts (or as it turns critical). */
export const alertRaisedSchema = alertSchema;
export type AlertRaised = Alert;

/** The live event `alert:cleared`: the condition has ended. */
export const alertClearedSchema = z.object({
  centreId: uuidSchema,
  id: uuidSchema,
  key: z.string(),
  kind: alertKindSchema,
  clearedAt: isoDateTimeSchema,
});
export type AlertCleared = z.infer<typeof alertClearedSchema>;

export const alertsQuerySchema = z.strictObject({ since: isoDateTimeSchema.optional() });
export const alertsResponseSchema = z.object({ alerts: z.array(alertSchema) });
export type AlertsResponse = z.infer<typeof alertsResponseSchema>;

/** `GET|PUT /api/v1/admin/centres/:centreId/alert-thresholds`: the body is the thresholds themselves. */
export const alertThresholdsResponseSchema = z.object({ thresholds: alertThresholdsSchema });
export type AlertThresholdsResponse = z.infer<typeof alertThresholdsResponseSchema>;

// ── Public open data ────────────────────────────────────────────────────────────────────────────

/** The open licence the public figures are published under. */
export const OPEN_DATA_LICENCE = "CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/)";

/** `GET /api/v1/public/waits`: every active centre's queues now; no personal data. */
export const publicWaitsResponseSchema = z.object({
  generatedAt: isoDateTimeSchema,
  licence: z.string(),
  centres: z.array(
    z.object({
      code: z.string(),
      name: z.object({ az: z.string(), ru: z.string(), en: z.string() }),
      openNow: z.boolean(),
      services: z.array(
        z.object({
          code: z.string(),
          name: z.object({ az: z.string(), ru: z.string(), en: z.string() }),
          waiting: z.number().int(),
          estimatedWaitMinutes: z.number(),
          openCounters: z.number().int(),
        }),
      ),
    }),
  ),
});
export type PublicWaits = z.infer<typeof publicWaitsResponseSchema>;
