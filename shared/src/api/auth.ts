import { z } from "zod";
import { uuidSchema } from "./common.js";

export const ROLES = ["admin", "manager", "staff"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const DEVICE_KINDS = ["kiosk", "display"] as const;
export const deviceKindSchema = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof deviceKindSchema>;

export const userSchema = z.object({
  id: uuidSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  centreId: uuidSchema.nullable(),
});
export type User = z.infer<typeof userSchema>;

export const loginBodySchema = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
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
});
export type Device = z.infer<typeof deviceSchema>;

export const deviceMeResponseSchema = z.object({
  device: deviceSchema,
  /** Where phones reach the system (for QR codes), when the operator set PUBLIC_URL. */
  publicUrl: z.string().nullable(),
});
