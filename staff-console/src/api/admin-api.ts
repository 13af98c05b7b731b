import {
  type UpdateDeviceBody,
  type AdminCentre,
  type AdminCounter,
  type AdminDevice,
  type AdminService,
  type AdminUser,
  type ClosedDate,
  type CreateCentreBody,
  type CreateDeviceBody,
  type CreateServiceBody,
  type CreateUserBody,
  type OfferedService,
  type PatchCentreBody,
  type PatchServiceBody,
  type PatchUserBody,
  type PutOfferBody,
} from "@dost/shared";
import type { ApiClient, Query } from "@dost/shared/client";

/** The filters of the audit view; empty ones are left out of the query. */
export interface AuditFilters {
  centreId?: string;
  from?: string;
  to?: string;
  actor?: string;
  kind?: string;
  cursor?: string;
}

/** CONTRACT.md "Administration": every answer checked against the shared schemas. */
export function adminEndpoints({ call }: ApiClient) {
  return {
    centres: async (): Promise<AdminCentre[]> => (await call("admin.centres")).centres,
    centre: async (id: string): Promise<AdminCentre> =>
      (await call("admin.centre", { params: { centreId: id } })).centre,
    createCentre: async (body: CreateCentreBody): Promise<AdminCentre> =>
      (await call("admin.createCentre", { body })).centre,
    patchCentre: async (id: string, body: PatchCentreBody): Promise<AdminCentre> =>
      (await call("admin.patchCentre", { params: { centreId: id }, body })).centre,

    services: async (): Promise<AdminService[]> => (await call("admin.services")).services,
    createService: async (body: CreateServiceBody): Promise<AdminService> =>
      (await call("admin.createService", { body })).service,
    patchService: async (id: string, body: PatchServiceBody): Promise<AdminService> =>
      (await call("admin.patchService", { params: { serviceId: id }, body })).service,

    offer: async (centreId: string): Promise<OfferedService[]> =>
      (await call("admin.offer", { params: { centreId } })).services,
    putOffer: async (centreId: string, body: PutOfferBody): Promise<OfferedService[]> =>
      (await call("admin.putOffer", { params: { centreId }, body })).services,

    counters: async (centreId: string): Promise<AdminCounter[]> =>
      (await call("admin.counters", { params: { centreId } })).counters,
    createCounter: async (centreId: string, body: { label: string; zone: string }): Promise<AdminCounter> =>
      (await call("admin.createCounter", { params: { centreId }, body })).counter,
    patchCounter: async (
      id: string,
      body: { label?: string; zone?: string; active?: boolean },
    ): Promise<AdminCounter> =>
      (await call("admin.patchCounter", { params: { counterId: id }, body })).counter,

    users: async (centreId: string | null): Promise<AdminUser[]> =>
      (await call("admin.users", { query: { centreId } })).users,
    createUser: (body: CreateUserBody) => call("admin.createUser", { body }),
    patchUser: async (id: string, body: PatchUserBody): Promise<AdminUser> =>
      (await call("admin.patchUser", { params: { userId: id }, body })).user,
    /** An admin forgets a user's second factor (a lost phone): they set it up again. */
    resetMfa: async (id: string): Promise<void> =>
      void (await call("admin.resetMfa", { params: { userId: id } })),
    resetPassword: async (id: string): Promise<string> =>
      (await call("admin.resetPassword", { params: { userId: id } })).temporaryPassword,

    devices: async (centreId: string): Promise<AdminDevice[]> =>
      (await call("admin.devices", { params: { centreId } })).devices,
    createDevice: (centreId: string, body: CreateDeviceBody) =>
      call("admin.createDevice", { params: { centreId }, body }),
    patchDevice: async (id: string, body: UpdateDeviceBody): Promise<AdminDevice> =>
      (await call("admin.patchDevice", { params: { deviceId: id }, body })).device,
    revokeDevice: async (id: string): Promise<AdminDevice> =>
      (await call("admin.revokeDevice", { params: { deviceId: id } })).device,
    pairingCode: (id: string) => call("admin.pairingCode", { params: { deviceId: id } }),

    closedDates: async (centreId: string): Promise<ClosedDate[]> =>
      (await call("admin.closedDates", { params: { centreId } })).dates,
    putClosedDates: async (centreId: string, dates: ClosedDate[]): Promise<ClosedDate[]> =>
      (await call("admin.putClosedDates", { params: { centreId }, body: { dates } })).dates,
    holidays: async (): Promise<ClosedDate[]> => (await call("admin.holidays")).dates,
    putHolidays: async (dates: ClosedDate[]): Promise<ClosedDate[]> =>
      (await call("admin.putHolidays", { body: { dates } })).dates,

    /** Empty filters are left out of the query. */
    audit: (filters: AuditFilters, limit = 50) =>
      call("admin.audit", { query: { ...emptyAsUnset(filters), limit } }),
  };
}

const emptyAsUnset = (filters: AuditFilters): Query =>
  Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, value || undefined]));

export type AdminApi = ReturnType<typeof adminEndpoints>;
