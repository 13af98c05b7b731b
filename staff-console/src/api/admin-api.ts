import {
  adminCentreResponseSchema,
  adminCentresResponseSchema,
  adminCounterResponseSchema,
  adminCountersResponseSchema,
  adminDeviceResponseSchema,
  adminDevicesResponseSchema,
  adminServiceResponseSchema,
  adminServicesResponseSchema,
  adminUserResponseSchema,
  adminUsersResponseSchema,
  auditResponseSchema,
  closedDatesResponseSchema,
  createdDeviceResponseSchema,
  createdUserResponseSchema,
  offerResponseSchema,
  pairingCodeResponseSchema,
  type UpdateDeviceBody,
  temporaryPasswordResponseSchema,
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
import type { createHttp } from "./http.js";

type Http = ReturnType<typeof createHttp>;

const at = (id: string) => encodeURIComponent(id);

/** The filters of the audit view; empty ones are left out of the query. */
export interface AuditFilters {
  centreId?: string;
  from?: string;
  to?: string;
  actor?: string;
  kind?: string;
  cursor?: string;
}

export function auditQuery(filters: AuditFilters, limit = 50): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, String(value));
  query.set("limit", String(limit));
  return query.toString();
}

/** CONTRACT.md "Administration": every answer checked against the shared schemas. */
export function adminEndpoints(http: Http) {
  return {
    centres: async (): Promise<AdminCentre[]> =>
      (await http.get("/admin/centres", adminCentresResponseSchema)).centres,
    centre: async (id: string): Promise<AdminCentre> =>
      (await http.get(`/admin/centres/${at(id)}`, adminCentreResponseSchema)).centre,
    createCentre: async (body: CreateCentreBody): Promise<AdminCentre> =>
      (await http.post("/admin/centres", body, adminCentreResponseSchema)).centre,
    patchCentre: async (id: string, body: PatchCentreBody): Promise<AdminCentre> =>
      (await http.patch(`/admin/centres/${at(id)}`, body, adminCentreResponseSchema)).centre,

    services: async (): Promise<AdminService[]> =>
      (await http.get("/admin/services", adminServicesResponseSchema)).services,
    createService: async (body: CreateServiceBody): Promise<AdminService> =>
      (await http.post("/admin/services", body, adminServiceResponseSchema)).service,
    patchService: async (id: string, body: PatchServiceBody): Promise<AdminService> =>
      (await http.patch(`/admin/services/${at(id)}`, body, adminServiceResponseSchema)).service,

    offer: async (centreId: string): Promise<OfferedService[]> =>
      (await http.get(`/admin/centres/${at(centreId)}/services`, offerResponseSchema)).services,
    putOffer: async (centreId: string, body: PutOfferBody): Promise<OfferedService[]> =>
      (await http.put(`/admin/centres/${at(centreId)}/services`, body, offerResponseSchema)).services,

    counters: async (centreId: string): Promise<AdminCounter[]> =>
      (await http.get(`/admin/centres/${at(centreId)}/counters`, adminCountersResponseSchema)).counters,
    createCounter: async (centreId: string, body: { label: string; zone: string }): Promise<AdminCounter> =>
      (await http.post(`/admin/centres/${at(centreId)}/counters`, body, adminCounterResponseSchema)).counter,
    patchCounter: async (
      id: string,
      body: { label?: string; zone?: string; active?: boolean },
    ): Promise<AdminCounter> =>
      (await http.patch(`/admin/counters/${at(id)}`, body, adminCounterResponseSchema)).counter,

    users: async (centreId: string | null): Promise<AdminUser[]> =>
      (await http.get(`/admin/users${centreId ? `?centreId=${at(centreId)}` : ""}`, adminUsersResponseSchema))
        .users,
    createUser: (body: CreateUserBody) => http.post("/admin/users", body, createdUserResponseSchema),
    patchUser: async (id: string, body: PatchUserBody): Promise<AdminUser> =>
      (await http.patch(`/admin/users/${at(id)}`, body, adminUserResponseSchema)).user,
    resetPassword: async (id: string): Promise<string> =>
      (await http.post(`/admin/users/${at(id)}/reset-password`, undefined, temporaryPasswordResponseSchema))
        .temporaryPassword,

    devices: async (centreId: string): Promise<AdminDevice[]> =>
      (await http.get(`/admin/centres/${at(centreId)}/devices`, adminDevicesResponseSchema)).devices,
    createDevice: (centreId: string, body: CreateDeviceBody) =>
      http.post(`/admin/centres/${at(centreId)}/devices`, body, createdDeviceResponseSchema),
    patchDevice: async (id: string, body: UpdateDeviceBody): Promise<AdminDevice> =>
      (await http.patch(`/admin/devices/${at(id)}`, body, adminDeviceResponseSchema)).device,
    revokeDevice: async (id: string): Promise<AdminDevice> =>
      (await http.post(`/admin/devices/${at(id)}/revoke`, undefined, adminDeviceResponseSchema)).device,
    pairingCode: (id: string) =>
      http.post(`/admin/devices/${at(id)}/pairing-code`, undefined, pairingCodeResponseSchema),

    closedDates: async (centreId: string): Promise<ClosedDate[]> =>
      (await http.get(`/admin/centres/${at(centreId)}/closed-dates`, closedDatesResponseSchema)).dates,
    putClosedDates: async (centreId: string, dates: ClosedDate[]): Promise<ClosedDate[]> =>
      (await http.put(`/admin/centres/${at(centreId)}/closed-dates`, { dates }, closedDatesResponseSchema))
        .dates,
    holidays: async (): Promise<ClosedDate[]> =>
      (await http.get("/admin/holidays", closedDatesResponseSchema)).dates,
    putHolidays: async (dates: ClosedDate[]): Promise<ClosedDate[]> =>
      (await http.put("/admin/holidays", { dates }, closedDatesResponseSchema)).dates,

    audit: (filters: AuditFilters, limit?: number) =>
      http.get(`/admin/audit?${auditQuery(filters, limit)}`, auditResponseSchema),
  };
}

export type AdminApi = ReturnType<typeof adminEndpoints>;
