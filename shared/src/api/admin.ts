import { z } from "zod";
import { DEFAULT_POLICY_WEIGHTS } from "../domain/queue-policy.js";
import { isValidTimeZone, openingHoursSchema, toMinutes, WEEKDAYS } from "../domain/service-day.js";
import { normalisePrinterAddress } from "../domain/printer-address.js";
import { deviceKindSchema, roleSchema, userSchema } from "./auth.js";
import {
  centreRefSchema,
  freeText,
  isoDateTimeSchema,
  localizedFreeTextSchema,
  localizedTextSchema,
  uuidSchema,
} from "./common.js";
import { PRIORITIES } from "./tickets.js";

/**
 * Administration (CONTRACT.md "Administration"): the bodies a ministry sends to set up and run its
 * centres, and the views it gets back. Every write is validated here before a service sees it.
 */

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A centre's code is also accepted in URLs where its id is, so it must never look like a UUID. */
export const centreCodeSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, "2–32 capital letters, digits and dashes")
  .refine((v) => !UUID_SHAPE.test(v), "must not look like an id");

/** An IANA timezone such as `Asia/Baku`; offsets and abbreviations are refused. */
export const timezoneSchema = z
  .string()
  .max(64)
  .refine(
    (v) => (v === "UTC" || /^[A-Za-z]+(\/[A-Za-z0-9_+-]+){1,2}$/.test(v)) && isValidTimeZone(v),
    "not an IANA timezone, such as Asia/Baku",
  );

/** Weekly hours whose periods (breaks are the gaps between them) are in order and do not overlap. */
export const weeklyHoursSchema = openingHoursSchema.superRefine((hours, ctx) => {
  for (const day of WEEKDAYS) {
    const periods = hours[day];
    for (let i = 1; i < periods.length; i++) {
      if (toMinutes(periods[i]!.open) < toMinutes(periods[i - 1]!.close)) {
        ctx.addIssue({
          code: "custom",
          path: [day, i, "open"],
          message: "periods must be in order and must not overlap",
        });
      }
    }
  }
});

const bonusSeconds = z.number().int().min(0).max(86_400);
/** Every bonus is finite (at most a day), so an ordinary visitor who waits long enough always wins. */
export const policySchema = z.strictObject({
  priorityBonusSeconds: z.strictObject(
    Object.fromEntries(PRIORITIES.map((p) => [p, bonusSeconds])) as Record<
      (typeof PRIORITIES)[number],
      typeof bonusSeconds
    >,
  ),
  appointmentBonusSeconds: bonusSeconds,
});

const centreFields = {
  code: centreCodeSchema,
  name: localizedFreeTextSchema({ max: 200 }),
  timezone: timezoneSchema,
  openingHours: weeklyHoursSchema,
  bookingWindowDays: z.number().int().min(1).max(365),
  bookingLeadMinutes: z.number().int().min(0).max(10_080),
  lastTicketMinutesBeforeClosing: z.number().int().min(0).max(240),
  policy: policySchema,
  active: z.boolean(),
};

export const createCentreBodySchema = z.strictObject({
  ...centreFields,
  bookingWindowDays: centreFields.bookingWindowDays.default(30),
  bookingLeadMinutes: centreFields.bookingLeadMinutes.default(60),
  lastTicketMinutesBeforeClosing: centreFields.lastTicketMinutesBeforeClosing.default(30),
  policy: policySchema.default(DEFAULT_POLICY_WEIGHTS),
  active: z.boolean().default(true),
});
export type CreateCentreBody = z.infer<typeof createCentreBodySchema>;

export const patchCentreBodySchema = z.strictObject(centreFields).partial();
export type PatchCentreBody = z.infer<typeof patchCentreBodySchema>;

/** What a centre's manager may change on it; the rest is the ministry's (admin). */
export const MANAGER_CENTRE_FIELDS = ["openingHours", "lastTicketMinutesBeforeClosing"] as const;

export const adminCentreSchema = z.object({
  id: uuidSchema,
  code: z.string(),
  name: localizedTextSchema,
  timezone: z.string(),
  openingHours: openingHoursSchema,
  bookingWindowDays: z.number().int(),
  bookingLeadMinutes: z.number().int(),
  lastTicketMinutesBeforeClosing: z.number().int(),
  policy: policySchema,
  active: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type AdminCentre = z.infer<typeof adminCentreSchema>;
export const adminCentreResponseSchema = z.object({ centre: adminCentreSchema });
export const adminCentresResponseSchema = z.object({ centres: z.array(adminCentreSchema) });

// The service catalogue.
export const prefixSchema = z.string().regex(/^[A-Z]{1,3}$/, "1–3 capital Latin letters");
export const serviceCodeSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, "2–40 capital letters, digits, dashes and underscores");
export const categoryCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, "a lower-case code such as pensions");

const serviceFields = {
  code: serviceCodeSchema,
  prefix: prefixSchema,
  name: localizedFreeTextSchema({ max: 300 }),
  category: categoryCodeSchema,
  documents: z.array(localizedFreeTextSchema({ max: 1000 })).max(20),
  handlingMinutes: z.number().int().min(1).max(480),
  targetWaitMinutes: z.number().int().min(1).max(480),
  appointmentEnabled: z.boolean(),
  slotMinutes: z.number().int().min(5).max(240),
  slotCapacity: z.number().int().min(0).max(100),
  active: z.boolean(),
};

export const createServiceBodySchema = z.strictObject({
  ...serviceFields,
  documents: serviceFields.documents.default([]),
  appointmentEnabled: z.boolean().default(false),
  slotMinutes: serviceFields.slotMinutes.default(20),
  slotCapacity: serviceFields.slotCapacity.default(2),
  active: z.boolean().default(true),
});
export type CreateServiceBody = z.infer<typeof createServiceBodySchema>;
export const patchServiceBodySchema = z.strictObject(serviceFields).partial();
export type PatchServiceBody = z.infer<typeof patchServiceBodySchema>;

export const adminServiceSchema = z.object({
  id: uuidSchema,
  code: z.string(),
  prefix: z.string(),
  name: localizedTextSchema,
  category: z.string(),
  documents: z.array(localizedTextSchema),
  handlingMinutes: z.number().int(),
  targetWaitMinutes: z.number().int(),
  appointmentEnabled: z.boolean(),
  slotMinutes: z.number().int(),
  slotCapacity: z.number().int(),
  active: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type AdminService = z.infer<typeof adminServiceSchema>;
export const adminServiceResponseSchema = z.object({ service: adminServiceSchema });
export const adminServicesResponseSchema = z.object({ services: z.array(adminServiceSchema) });
export const serviceParamsSchema = z.object({ serviceId: uuidSchema });

// What a centre offers.
export const offerItemSchema = z.strictObject({
  serviceId: uuidSchema,
  /** The centre's own prefix for this service; the catalogue's when absent. */
  prefix: prefixSchema.optional(),
  slotCapacity: z.number().int().min(0).max(100).nullable().optional(),
  targetWaitMinutes: z.number().int().min(1).max(480).nullable().optional(),
});
export const putOfferBodySchema = z.strictObject({ services: z.array(offerItemSchema).max(500) });
export type PutOfferBody = z.infer<typeof putOfferBodySchema>;

export const offeredServiceSchema = z.object({
  serviceId: uuidSchema,
  code: z.string(),
  name: localizedTextSchema,
  /** The centre's effective prefix. */
  prefix: z.string(),
  position: z.number().int(),
  /** The centre's overrides; null where the catalogue's value applies. */
  slotCapacity: z.number().int().nullable(),
  targetWaitMinutes: z.number().int().nullable(),
  active: z.boolean(),
});
export type OfferedService = z.infer<typeof offeredServiceSchema>;
export const offerResponseSchema = z.object({ services: z.array(offeredServiceSchema) });

// Counters.
const counterLabel = freeText({ min: 1, max: 20 });
const zoneSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "a lower-case zone name such as main or first-floor");
export const createCounterBodySchema = z.strictObject({
  label: counterLabel,
  zone: zoneSchema.default("main"),
});
export const patchCounterBodySchema = z
  .strictObject({ label: counterLabel, zone: zoneSchema, active: z.boolean() })
  .partial();
export const adminCounterSchema = z.object({
  id: uuidSchema,
  centreId: uuidSchema,
  label: z.string(),
  zone: z.string(),
  active: z.boolean(),
  status: z.enum(["closed", "open", "break"]),
});
export type AdminCounter = z.infer<typeof adminCounterSchema>;
export const adminCounterResponseSchema = z.object({ counter: adminCounterSchema });
export const adminCountersResponseSchema = z.object({ counters: z.array(adminCounterSchema) });

// Users.
export const usernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "3–64 lower-case letters, digits, dots, dashes, underscores");
export const createUserBodySchema = z.strictObject({
  username: usernameSchema,
  displayName: freeText({ min: 1, max: 100 }),
  role: roleSchema,
  /** A centre's id or code; null for admins and viewers, who belong to no centre. */
  centreId: centreRefSchema.nullable(),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;
export const patchUserBodySchema = z
  .strictObject({
    displayName: freeText({ min: 1, max: 100 }),
    role: roleSchema,
    centreId: centreRefSchema.nullable(),
    disabled: z.boolean(),
  })
  .partial();
export type PatchUserBody = z.infer<typeof patchUserBodySchema>;

export const adminUserSchema = userSchema.extend({
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  disabledAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type AdminUser = z.infer<typeof adminUserSchema>;
export const adminUserResponseSchema = z.object({ user: adminUserSchema });
export const createdUserResponseSchema = z.object({
  user: adminUserSchema,
  /** Shown once; the user must change it at first sign-in. */
  temporaryPassword: z.string(),
});
export const adminUsersResponseSchema = z.object({ users: z.array(adminUserSchema) });
export const usersQuerySchema = z.strictObject({
  centreId: centreRefSchema.optional(),
  role: roleSchema.optional(),
  includeDisabled: z.enum(["true", "false"]).default("true"),
});
export const userParamsSchema = z.object({ userId: uuidSchema });
export const temporaryPasswordResponseSchema = z.object({ temporaryPassword: z.string() });

// Devices.
export const createDeviceBodySchema = z.strictObject({
  kind: deviceKindSchema,
  label: freeText({ min: 1, max: 100 }),
  /** Required for a feedback tablet (the counter it stands at); refused for the other kinds. */
  counterId: uuidSchema.optional(),
});
export type CreateDeviceBody = z.infer<typeof createDeviceBodySchema>;
/** A kiosk's network receipt printer, `host` or `host:port` (9100 by default); read back as `host:port`. */
export const printerAddressSchema = z
  .string()
  .max(260)
  .transform((text, ctx) => {
    const address = normalisePrinterAddress(text);
    if (address === null) {
      ctx.addIssue({ code: "custom", message: "a host name or IPv4 address, and optionally :port" });
      return z.NEVER;
    }
    return address;
  });
/** `PATCH /admin/devices/:deviceId`: a kiosk's printer (null: the kiosk prints through its browser). */
export const updateDeviceBodySchema = z.strictObject({ printer: printerAddressSchema.nullable() });
export type UpdateDeviceBody = z.input<typeof updateDeviceBodySchema>;
export const adminDeviceSchema = z.object({
  id: uuidSchema,
  centreId: uuidSchema,
  kind: deviceKindSchema,
  label: z.string(),
  counterId: uuidSchema.nullable(),
  /** A kiosk's network receipt printer (`host:port`), which the server prints its tickets on. */
  printer: z.string().nullable().optional(),
  revokedAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type AdminDevice = z.infer<typeof adminDeviceSchema>;
export const adminDeviceResponseSchema = z.object({ device: adminDeviceSchema });
export const createdDeviceResponseSchema = z.object({
  device: adminDeviceSchema,
  /** Shown once and stored only hashed. */
  key: z.string(),
});
export const adminDevicesResponseSchema = z.object({ devices: z.array(adminDeviceSchema) });
export const deviceParamsSchema = z.object({ deviceId: uuidSchema });
export const pairingCodeResponseSchema = z.object({
  code: z.string(),
  expiresAt: isoDateTimeSchema,
  /** `/kiosk/?pair=<code>` or `/display/?pair=<code>`, on PUBLIC_URL when it is set. */
  pairingUrl: z.string(),
});

// Closed dates: a centre's own, and the national holidays.
export const isoDateSchema = z.iso.date();
export const closedDateSchema = z.strictObject({
  date: isoDateSchema,
  reason: localizedFreeTextSchema({ max: 200 }),
});
export type ClosedDate = z.infer<typeof closedDateSchema>;
export const closedDatesBodySchema = z.strictObject({
  dates: z
    .array(closedDateSchema)
    .max(1000)
    .superRefine((dates, ctx) => {
      const seen = new Set<string>();
      dates.forEach((d, i) => {
        if (seen.has(d.date)) ctx.addIssue({ code: "custom", path: [i, "date"], message: "listed twice" });
        seen.add(d.date);
      });
    }),
});
export const closedDatesResponseSchema = z.object({ dates: z.array(closedDateSchema) });

// The audit trail.
export const AUDIT_KINDS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.password_changed",
  "auth.mfa_enrolled",
  "auth.mfa_recovery_code_used",
  "user.mfa_reset",
  "centre.created",
  "centre.updated",
  "service.created",
  "service.updated",
  "offer.updated",
  "slot_capacity.updated",
  "counter.created",
  "counter.updated",
  "user.created",
  "user.updated",
  "user.password_reset",
  "device.created",
  "device.revoked",
  "device.updated",
  "device.pairing_code",
  "device.paired",
  "closed_dates.updated",
  "holidays.updated",
  "ticket.called_out_of_order",
  "volunteer.ticket_issued",
  "volunteer.checked_in",
  "alert_thresholds.updated",
] as const;
export const auditKindSchema = z.enum(AUDIT_KINDS);
export type AuditKind = z.infer<typeof auditKindSchema>;

export const auditQuerySchema = z.strictObject({
  centreId: centreRefSchema.optional(),
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  /** A username (as it was when the event happened) or a user's or device's id. */
  actor: z.string().min(1).max(100).optional(),
  kind: auditKindSchema.optional(),
  /** From the previous page's `nextCursor`. */
  cursor: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  at: isoDateTimeSchema,
  actor: z.object({
    userId: uuidSchema.nullable(),
    deviceId: uuidSchema.nullable(),
    /** The username (or device label) at the time; `system` for the installer and the demo seed. */
    name: z.string(),
  }),
  address: z.string().nullable(),
  centreId: uuidSchema.nullable(),
  kind: auditKindSchema,
  target: z.object({ type: z.string(), id: z.string() }).nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  note: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditResponseSchema = z.object({
  events: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
});
