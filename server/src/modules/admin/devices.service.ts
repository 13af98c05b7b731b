import { randomBytes, randomInt } from "node:crypto";
import type { AdminDevice, CreateDeviceBody, Device, UpdateDeviceBody } from "@dost/shared";
import { conflict, invalid, notFound, unauthenticated } from "../../lib/errors.js";
import { sha256 } from "../../lib/tokens.js";
import { auditLog, type AuditActor } from "../audit/index.js";
import { violatedUnique } from "../../db/errors.js";
import type { Tx } from "../../db/client.js";
import { assertCentreInScope, type AdminDeps, type Caller } from "./context.js";
import { counterSetupRepository } from "./counters.repository.js";
import { deviceAdminRepository as repo, type DeviceRow } from "./devices.repository.js";

export function toAdminDevice(row: DeviceRow): AdminDevice {
  return {
    id: row.id,
    centreId: row.centreId,
    kind: row.kind,
    label: row.name,
    counterId: row.counterId,
    printer: row.printer,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const toDevice = (row: DeviceRow): Device => ({
  id: row.id,
  centreId: row.centreId,
  kind: row.kind,
  name: row.name,
  counterId: row.counterId,
});

/** 256 random bits, shown once; only its SHA-256 is stored. */
const newDeviceKey = (): string => randomBytes(32).toString("base64url");

export const PAIRING_CODE_MINUTES = 10;
const APP_OF_KIND = { kiosk: "kiosk", display: "display", feedback: "kiosk" } as const;

const revoked = () => conflict("This device has been revoked", "device_revoked");

/** Kiosks, hall displays and counter tablets: their keys, revocation and one-time pairing codes. */
export function createDeviceAdmin({
  db,
  clock,
  publisher,
  forgetDevices,
  publicUrl,
}: Pick<AdminDeps, "db" | "clock" | "publisher" | "forgetDevices" | "publicUrl">) {
  async function lockInScope(tx: Tx, caller: Caller, id: string) {
    const device = await repo.lock(tx, id);
    if (!device) throw notFound("Device");
    assertCentreInScope(caller, device.centreId);
    return device;
  }

  /** The key stops working in every process now, and then its sockets drop. */
  async function cutOff(deviceId: string): Promise<void> {
    await forgetDevices();
    publisher.disconnectDevice(deviceId);
  }

  /**
   * One audited change of a live device in the caller's centres: locked, refused once revoked,
   * written by `apply`, and recorded with its before and after.
   */
  async function change(
    caller: Caller,
    deviceId: string,
    kind: "device.updated" | "device.revoked",
    apply: (tx: Tx, current: DeviceRow, now: Date) => Promise<DeviceRow>,
  ): Promise<DeviceRow> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const current = await lockInScope(tx, caller, deviceId);
      if (current.revokedAt) throw revoked();
      const row = await apply(tx, current, now);
      await auditLog.record(tx, caller.actor, {
        kind,
        at: now,
        centreId: row.centreId,
        target: { type: "device", id: deviceId },
        before: toAdminDevice(current),
        after: toAdminDevice(row),
      });
      return row;
    });
  }

  return {
    async list(caller: Caller, centreId: string): Promise<AdminDevice[]> {
      assertCentreInScope(caller, centreId);
      return (await repo.list(db, centreId)).map(toAdminDevice);
    },

    /** `key`: the demo's documented keys; otherwise a random one is minted. */
    async create(
      caller: Caller,
      centreId: string,
      body: CreateDeviceBody,
      options: { key?: string } = {},
    ): Promise<{ device: AdminDevice; key: string }> {
      assertCentreInScope(caller, centreId);
      if (body.kind === "feedback" && !body.counterId)
        throw invalid("A feedback tablet stands at a counter; name it", [
          { path: "counterId", message: "required for a feedback tablet" },
        ]);
      if (body.kind !== "feedback" && body.counterId)
        throw invalid("Only a feedback tablet belongs to a counter", [
          { path: "counterId", message: "only for a feedback tablet" },
        ]);
      const key = options.key ?? newDeviceKey();
      const row = await db.transaction(async (tx) => {
        if (body.counterId) {
          const counter = await counterSetupRepository.find(tx, body.counterId);
          if (!counter || counter.centreId !== centreId)
            throw invalid("No such counter in this centre", [
              { path: "counterId", message: "not in this centre" },
            ]);
        }
        const row = await repo.insert(tx, {
          centreId,
          kind: body.kind,
          name: body.label,
          counterId: body.counterId ?? null,
          keyHash: sha256(key),
        });
        await auditLog.record(tx, caller.actor, {
          kind: "device.created",
          at: clock.now(),
          centreId,
          target: { type: "device", id: row.id },
          after: toAdminDevice(row),
        });
        return row;
      });
      return { device: toAdminDevice(row), key };
    },

    /**
     * Sets or removes a kiosk's network printer (the body's address is already normalised). The
     * device's cached principal carries it, so every process forgets its cached devices after.
     */
    async update(caller: Caller, deviceId: string, body: UpdateDeviceBody): Promise<AdminDevice> {
      const row = await change(caller, deviceId, "device.updated", async (tx, current) => {
        if (body.printer !== null && current.kind !== "kiosk")
          throw invalid("Only a kiosk prints tickets", [{ path: "printer", message: "only for a kiosk" }]);
        return repo.update(tx, deviceId, { printer: body.printer });
      });
      await forgetDevices();
      return toAdminDevice(row);
    },

    async revoke(caller: Caller, deviceId: string): Promise<AdminDevice> {
      const row = await change(caller, deviceId, "device.revoked", async (tx, _current, now) => {
        const row = await repo.update(tx, deviceId, { revokedAt: now });
        await repo.dropPairingCode(tx, deviceId);
        return row;
      });
      await cutOff(deviceId);
      return toAdminDevice(row);
    },

    /**
     * A six-digit code, valid ten minutes and once, that the device exchanges for a new key at
     * POST /devices/pair; stored hashed, and a new code replaces the device's earlier one.
     */
    async pairingCode(
      caller: Caller,
      deviceId: string,
    ): Promise<{ code: string; expiresAt: string; pairingUrl: string }> {
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000);
      for (let attempt = 0; ; attempt++) {
        const code = String(randomInt(1_000_000)).padStart(6, "0");
        try {
          const device = await db.transaction(async (tx) => {
            const device = await lockInScope(tx, caller, deviceId);
            if (device.revokedAt) throw revoked();
            await repo.dropExpiredPairingCodes(tx, now);
            await repo.putPairingCode(tx, { deviceId, codeHash: sha256(code), expiresAt, createdAt: now });
            await auditLog.record(tx, caller.actor, {
              kind: "device.pairing_code",
              at: now,
              centreId: device.centreId,
              target: { type: "device", id: deviceId },
              after: { expiresAt: expiresAt.toISOString() },
            });
            return device;
          });
          const path = `/${APP_OF_KIND[device.kind]}/?pair=${code}`;
          return { code, expiresAt: expiresAt.toISOString(), pairingUrl: `${publicUrl ?? ""}${path}` };
        } catch (e) {
          // Another device holds the same live code (one in a few hundred thousand): draw again.
          if (violatedUnique(e) === null || attempt >= 5) throw e;
        }
      }
    },

    /**
     * The device's side of pairing (public, strictly rate-limited): a live code gets a freshly minted
     * key, and the device's old key stops working.
     */
    async pair(code: string, address: string): Promise<{ key: string; device: Device }> {
      const now = clock.now();
      const key = newDeviceKey();
      const row = await db.transaction(async (tx) => {
        const taken = await repo.takePairingCode(tx, sha256(code));
        const device = taken ? await repo.lock(tx, taken.deviceId) : null;
        if (!taken || !device || taken.expiresAt <= now || device.revokedAt) return null;
        const row = await repo.update(tx, device.id, { keyHash: sha256(key) });
        const actor: AuditActor = { userId: null, deviceId: device.id, name: device.name, address };
        await auditLog.record(tx, actor, {
          kind: "device.paired",
          at: now,
          centreId: device.centreId,
          target: { type: "device", id: device.id },
          note: "new key minted; the previous key no longer works",
        });
        return row;
      });
      if (!row) {
        throw unauthenticated(
          "This pairing code is unknown, used or expired; ask for a new one",
          "pairing_code_invalid",
        );
      }
      await cutOff(row.id);
      return { key, device: toDevice(row) };
    },
  };
}

export type DeviceAdmin = ReturnType<typeof createDeviceAdmin>;
