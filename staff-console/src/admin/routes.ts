import type { User } from "@dost/shared";

/** The Administration screens, each at an address of its own so it can be bookmarked and linked. */
export const ADMIN_VIEWS = [
  "centres",
  "services",
  "offer",
  "counters",
  "users",
  "devices",
  "closed-dates",
  "policy",
  "audit",
] as const;
export type AdminView = (typeof ADMIN_VIEWS)[number];

export const ADMIN_PATH = "/console/admin";
export const adminPath = (view: AdminView): string => `${ADMIN_PATH}/${view}`;

/** Which Administration screen a path shows, or null outside the area; `/console/admin` is centres. */
export function adminViewOf(pathname: string): AdminView | null {
  const match = /\/admin(?:\/([a-z-]+))?\/?$/.exec(pathname);
  if (!match) return null;
  const view = match[1] ?? "centres";
  return ADMIN_VIEWS.find((v) => v === view) ?? "centres";
}

/** Administration is for managers (their centre) and admins (everything); the server enforces the same. */
export function mayAdminister(user: User): boolean {
  return user.role === "admin" || user.role === "manager";
}
