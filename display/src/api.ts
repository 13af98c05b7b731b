import {
  centresResponseSchema,
  deviceMeResponseSchema,
  displayStateSchema,
  pairDeviceResponseSchema,
  type Centre,
  type Device,
  type DisplayState,
} from "@dost/shared";

/** The server no longer accepts this device key (401): the display must be paired again. */
export class KeyRefused extends Error {
  constructor() {
    super("UNAUTHENTICATED");
    this.name = "KeyRefused";
  }
}

/** The server did not take a pairing code: unknown, used or expired (`refused`), or too many tries. */
export class PairingCodeRefused extends Error {
  constructor(readonly why: "codeRefused" | "tooManyTries") {
    super(why);
    this.name = "PairingCodeRefused";
  }
}

/** Network down, server restarting, database away: worth trying again later. */
export class ServerUnreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ServerUnreachable";
  }
}

/** The three requests a hall display makes, each with its Device credentials. */
export interface DisplayApi {
  device(): Promise<Device>;
  centre(centreId: string): Promise<Centre>;
  displayState(centreId: string): Promise<DisplayState>;
}

// Only the device is needed; picking it keeps the display working with servers that add fields here.
const deviceOnlySchema = deviceMeResponseSchema.pick({ device: true });

// A request that hangs would stall the rebuild after a reconnect; better to fail and retry.
const REQUEST_TIMEOUT_MS = 10_000;

export function createDisplayApi(key: string, fetchImpl: typeof fetch = fetch, base = "/api/v1"): DisplayApi {
  async function get(path: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        headers: { authorization: `Device ${key}`, accept: "application/json" },
        cache: "no-store",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ServerUnreachable(error instanceof Error ? error.message : String(error));
    }
    if (response.status === 401) throw new KeyRefused();
    if (!response.ok) throw new ServerUnreachable(`HTTP ${response.status} for ${path}`);
    return response.json();
  }

  return {
    async device() {
      return deviceOnlySchema.parse(await get("/devices/me")).device;
    },
    async centre(centreId) {
      const { centres } = centresResponseSchema.parse(await get("/centres"));
      const centre = centres.find((c) => c.id === centreId);
      if (!centre) throw new ServerUnreachable(`centre ${centreId} is not listed`);
      return centre;
    },
    async displayState(centreId) {
      const body = await get(`/centres/${encodeURIComponent(centreId)}/display-state`);
      // displayMessage is newer than the first servers; a server without it means "no message".
      const withMessage =
        typeof body === "object" && body !== null ? { displayMessage: null, ...body } : body;
      return displayStateSchema.parse(withMessage);
    },
  };
}

export interface PairedDevice {
  key: string;
  device: Device;
}

/** POST /devices/pair: the one-time code in the body (never in a URL), the device's new key back. */
export async function exchangePairingCode(
  code: string,
  fetchImpl: typeof fetch = fetch,
  base = "/api/v1",
): Promise<PairedDevice> {
  let response: Response;
  try {
    response = await fetchImpl(`${base}/devices/pair`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ code }),
      cache: "no-store",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ServerUnreachable(error instanceof Error ? error.message : String(error));
  }
  if (response.status === 429) throw new PairingCodeRefused("tooManyTries");
  // 401 pairing_code_invalid (unknown, used or expired), or 400 for something not six digits.
  if (response.status === 401 || response.status === 400) throw new PairingCodeRefused("codeRefused");
  if (!response.ok) throw new ServerUnreachable(`HTTP ${response.status} for /devices/pair`);
  return pairDeviceResponseSchema.parse(await response.json());
}
