import type { Service } from "@dost/shared";

/**
 * The last counter and work profile this user chose on this PC. The server also remembers the
 * profile (and may send it with /auth/me); this covers a server that does not yet.
 */
const key = (userId: string) => `dost.console.last.${userId}`;

interface LastChoice {
  counterId: string | null;
  serviceIds: string[];
}

export function readLastChoice(userId: string): LastChoice {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(key(userId)) ?? "null");
    if (raw && typeof raw === "object") {
      const { counterId, serviceIds } = raw as Record<string, unknown>;
      return {
        counterId: typeof counterId === "string" ? counterId : null,
        serviceIds: Array.isArray(serviceIds)
          ? serviceIds.filter((s): s is string => typeof s === "string")
          : [],
      };
    }
  } catch {
    // Unreadable or no storage: start from the defaults.
  }
  return { counterId: null, serviceIds: [] };
}

export function writeLastChoice(userId: string, choice: LastChoice): void {
  try {
    localStorage.setItem(key(userId), JSON.stringify(choice));
  } catch {
    // Without storage the server's memory of the profile still applies.
  }
}

/** The server's memory first, then this PC's, then every service; only services still offered. */
export function defaultProfile(
  services: Service[],
  fromServer: string[] | null,
  userId: string,
): Set<string> {
  const offered = new Set(services.map((s) => s.id));
  for (const candidate of [fromServer ?? [], readLastChoice(userId).serviceIds]) {
    const kept = candidate.filter((id) => offered.has(id));
    if (kept.length > 0) return new Set(kept);
  }
  return offered;
}
