/**
 * The append-only audit trail (`audit_events`): every configuration change, sign-in and sign-out,
 * device use and out-of-order call, recorded in the transaction of the change. Other modules write
 * through `auditLog.record(tx, actor, entry)`; the admin module reads it (`GET /admin/audit`).
 */
export { auditActorOf, auditLog, systemActor, type AuditActor, type AuditEntry } from "./audit-log.js";
