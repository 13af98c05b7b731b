import { z } from "zod";
import { uuidSchema } from "./common.js";

/**
 * `staff` works at counters; `manager` also watches and configures its centre; `admin` everything.
 * `viewer` (ministry analysts) reads stats and reports of every centre; `volunteer` issues tickets
 * and checks visitors in at its own centre.
 */
export const ROLES = ["admin", "manager", "staff", "viewer", "volunteer"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** `feedback`: a counter tablet that asks the visitor at that counter for a score. */
export const DEVICE_KINDS = ["kiosk", "display", "feedback"] as const;
export const deviceKindSchema = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof deviceKindSchema>;

export const userSchema = z.object({
  id: uuidSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  centreId: uuidSchema.nullable(),
  /**
   * A temporary password (new or reset account): until it is changed through POST /auth/password,
   * every other route answers 403 `password_change_required`. Always sent by the server.
   */
  mustChangePassword: z.boolean().optional(),
  /** Signs in with a second factor (TOTP). Always sent by the server. */
  mfaEnabled: z.boolean().optional(),
  /**
   * The policy (MFA_REQUIRED_ROLES) asks this role for a second factor and none is enrolled yet:
   * until it is, every route but enrolment, sign-out and /auth/me answers 403 `mfa_enrolment_required`.
   */
  mustEnrolMfa: z.boolean().optional(),
});
export type User = z.infer<typeof userSchema>;

export const loginBodySchema = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  /**
   * The second step for a user with a second factor: the six digits of the authenticator app, or
   * one recovery code. Without it such a user is answered 401 `mfa_required`.
   */
  code: z.string().min(1).max(40).optional(),
});

export const loginResponseSchema = z.object({ token: z.string(), user: userSchema });
export const meResponseSchema = z.object({
  user: userSchema,
  /** The work profile this user last opened a counter with. */
  lastServiceIds: z.array(uuidSchema),
});

export const deviceSchema = z.object({
  id: uuidSchema,
  centreId: uuidSchema,
  kind: deviceKindSchema,
  name: z.string(),
  /** The counter a feedback tablet stands at; null for kiosks and displays. */
  counterId: uuidSchema.nullable().optional(),
});
export type Device = z.infer<typeof deviceSchema>;

export const deviceMeResponseSchema = z.object({
  device: deviceSchema,
  /** Where phones reach the system (for QR codes), when the operator set PUBLIC_URL. */
  publicUrl: z.string().nullable(),
});

/** New passwords: at least 12 characters, and not guessable (the server checks common passwords). */
export const PASSWORD_MIN_LENGTH = 12;

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
export const changePasswordResponseSchema = z.object({ user: userSchema });

/** A device exchanges a one-time pairing code for its key, so long-lived keys never travel in a URL. */
export const pairDeviceBodySchema = z.strictObject({ code: z.string().regex(/^\d{6}$/, "six digits") });
export const pairDeviceResponseSchema = z.object({ key: z.string(), device: deviceSchema });

/** Starting enrolment: the secret and its otpauth:// URI (for a QR code), shown this once. */
export const mfaEnrolmentResponseSchema = z.object({ secret: z.string(), uri: z.string() });
export const mfaConfirmBodySchema = z.strictObject({ code: z.string().regex(/^\d{6}$/, "six digits") });
/** The recovery codes, shown this once; each signs in once instead of a code from the app. */
export const mfaConfirmResponseSchema = z.object({ user: userSchema, recoveryCodes: z.array(z.string()) });
