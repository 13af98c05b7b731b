import type { Centre, Device, DisplayState } from "@dost/shared";
import { ApiError, createApiClient } from "@dost/shared/client";

/** The three requests a hall display makes, each with its Device credentials. */
export interface DisplayApi {
  device(): Promise<Device>;
  centre(centreId: string): Promise<Centre>;
  displayState(centreId: string): Promise<DisplayState>;
}

// A request that hangs would stall the rebuild after a reconnect; better to fail and retry.
const REQUEST_TIMEOUT_MS = 10_000;

const client = (fetchImpl: typeof fetch, base: string, key?: string) =>
  createApiClient({
    base,
    fetch: fetchImpl,
    cache: "no-store",
    timeoutMs: REQUEST_TIMEOUT_MS,
    ...(key ? { authorization: () => `Device ${key}` } : {}),
  });

/**
 * Failures are the kit's ApiError: `unauthenticated` (401) means the key was refused and the
 * display must be paired again; anything else is worth trying again later.
 */
export function createDisplayApi(key: string, fetchImpl: typeof fetch = fetch, base = "/api/v1"): DisplayApi {
  const { call } = client(fetchImpl, base, key);
  return {
    async device() {
      return (await call("deviceMe")).device;
    },
    async centre(centreId) {
      const { centres } = await call("centres");
      const centre = centres.find((c) => c.id === centreId);
      if (!centre) throw ApiError.unreachable(`centre ${centreId} is not listed`);
      return centre;
    },
    displayState: (centreId) => call("displayState", { params: { centreId } }),
  };
}

export interface PairedDevice {
  key: string;
  device: Device;
}

/** Why a pairing code was not taken: unknown, used or expired, or too many tries; null if not refused. */
export function pairingRefusal(error: unknown): "codeRefused" | "tooManyTries" | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 429) return "tooManyTries";
  // 401 pairing_code_invalid (unknown, used or expired), or 400 for something not six digits.
  if (error.status === 401 || error.status === 400) return "codeRefused";
  return null;
}

/** The server no longer accepts this device key (401): the display must be paired again. */
export const isKeyRefused = (error: unknown): boolean =>
  error instanceof ApiError && error.failure === "unauthenticated";

/** POST /devices/pair: the one-time code in the body (never in a URL), the device's new key back. */
export async function exchangePairingCode(
  code: string,
  fetchImpl: typeof fetch = fetch,
  base = "/api/v1",
): Promise<PairedDevice> {
  return client(fetchImpl, base).call("pairDevice", { body: { code }, expectUnauthenticated: true });
}
