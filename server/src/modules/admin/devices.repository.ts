import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { devicePairingCodes, devices } from "../../db/schema.js";

/** Devices without their key hash: nothing here returns it. */
const deviceColumns = {
  id: devices.id,
  centreId: devices.centreId,
  kind: devices.kind,
  name: devices.name,
  counterId: devices.counterId,
  printer: devices.printer,
  revokedAt: devices.revokedAt,
  createdAt: devices.createdAt,
};

export type DeviceRow = {
  id: string;
  centreId: string;
  kind: "kiosk" | "display" | "feedback";
  name: string;
  counterId: string | null;
  printer: string | null;
  revokedAt: Date | null;
  createdAt: Date;
};

export const deviceAdminRepository = {
  list(ex: Executor, centreId: string): Promise<DeviceRow[]> {
    return ex
      .select(deviceColumns)
      .from(devices)
      .where(eq(devices.centreId, centreId))
      .orderBy(asc(devices.kind), asc(devices.name));
  },

  async lock(ex: Executor, id: string): Promise<DeviceRow | null> {
    const [row] = await ex.select(deviceColumns).from(devices).where(eq(devices.id, id)).for("update");
    return row ?? null;
  },

  async insert(ex: Executor, values: typeof devices.$inferInsert): Promise<DeviceRow> {
    const [row] = await ex.insert(devices).values(values).returning(deviceColumns);
    if (!row) throw new Error("device insert returned nothing");
    return row;
  },

  async update(ex: Executor, id: string, changes: Partial<typeof devices.$inferInsert>): Promise<DeviceRow> {
    const [row] = await ex.update(devices).set(changes).where(eq(devices.id, id)).returning(deviceColumns);
    if (!row) throw new Error("device update returned nothing");
    return row;
  },

  /** Gives the device a new pairing code, replacing any earlier one. */
  async putPairingCode(
    ex: Executor,
    values: { deviceId: string; codeHash: string; expiresAt: Date; createdAt: Date },
  ): Promise<void> {
    await ex
      .insert(devicePairingCodes)
      .values(values)
      .onConflictDoUpdate({
        target: devicePairingCodes.deviceId,
        set: { codeHash: values.codeHash, expiresAt: values.expiresAt, createdAt: values.createdAt },
      });
  },

  /** Drops expired codes, so an old code's hash never blocks a new one. */
  async dropExpiredPairingCodes(ex: Executor, now: Date): Promise<void> {
    await ex.delete(devicePairingCodes).where(sql`${devicePairingCodes.expiresAt} <= ${now.toISOString()}`);
  },

  async dropPairingCode(ex: Executor, deviceId: string): Promise<void> {
    await ex.delete(devicePairingCodes).where(eq(devicePairingCodes.deviceId, deviceId));
  },

  /** Takes a code: one statement removes it and says whose it was, so it can be used only once. */
  async takePairingCode(
    ex: Executor,
    codeHash: string,
  ): Promise<{ deviceId: string; expiresAt: Date } | null> {
    const [row] = await ex
      .delete(devicePairingCodes)
      .where(eq(devicePairingCodes.codeHash, codeHash))
      .returning({ deviceId: devicePairingCodes.deviceId, expiresAt: devicePairingCodes.expiresAt });
    return row ?? null;
  },
};
