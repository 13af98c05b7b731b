import type { FastifyRequest } from "fastify";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Whether a state-changing request that authenticates with the session cookie came from another
 * site (cross-site request forgery). The browser says where a request comes from: `Sec-Fetch-Site`
 * (every current browser) must be `same-origin` or `none` (typed, bookmarked); without it, an
 * `Origin` must name this server (its Host, or PUBLIC_URL). A request with neither is not from a
 * browser that could have been tricked, and passes. `same-site` is refused too: a sibling host under
 * the same domain is another application. Bearer and Device callers never reach this check: their
 * credential is not sent by the browser on its own.
 */
export function isCrossSiteCookieRequest(request: FastifyRequest, publicUrl: string | null): boolean {
  if (!STATE_CHANGING.has(request.method)) return false;
  const site = request.headers["sec-fetch-site"];
  if (typeof site === "string") return site !== "same-origin" && site !== "none";
  const origin = request.headers.origin;
  if (typeof origin === "undefined") return false;
  const from = parse(String(origin));
  if (!from) return true;
  // The Host header carries no scheme: read it as the Origin's, so default ports compare equal.
  const own = [parse(`${from.protocol}//${request.host}`)?.host, publicUrl ? parse(publicUrl)?.host : null];
  return !own.includes(from.host);
}

function parse(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? parsed : null;
  } catch {
    return null;
  }
}
