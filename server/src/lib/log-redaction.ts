/**
 * What a request's log line may say about its address. An appointment code is a secret (alone it
 * cancels a booking) and travels in paths (`/api/v1/appointments/<code>`) and in the booking
 * page's query (`/kiosk/book/manage?code=`); a device key travels in the pairing address
 * (`/kiosk/?key=`). None of them may reach a log.
 */
const SECRET_QUERY_PARAMS = new Set(["code", "key", "token", "phone", "pin"]);

export function maskUrlForLog(url: string): string {
  const [path = "", query] = url.split(/\?(.*)/s, 2);
  const maskedPath = path.replace(/(\/appointments\/)[^/]+/gi, "$1***");
  if (query === undefined) return maskedPath;
  const maskedQuery = query
    .split("&")
    .map((pair) => {
      const name = decodeURIComponentSafe(pair.split("=", 1)[0] ?? "").toLowerCase();
      return SECRET_QUERY_PARAMS.has(name) ? `${pair.split("=", 1)[0]}=***` : pair;
    })
    .join("&");
  return `${maskedPath}?${maskedQuery}`;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Fastify's own request serializer, with the address masked. */
export const requestLogSerializer = (req: {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) => ({
  method: req.method,
  url: maskUrlForLog(req.url),
  host: req.host,
  remoteAddress: req.ip,
  remotePort: req.socket?.remotePort,
});
