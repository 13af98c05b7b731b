import type { ApiClient } from "../lib/http.js";
import { bearer, countersOf, signIn, type CounterRef } from "../lib/staff.js";

const DEMO_PASSWORD = "dost-demo";
const DEMO_STAFF = 8;

/**
 * A signed-in member of staff for each counter the day needs: the demo's eight staff of the centre,
 * then accounts the manager creates for the rest (through the administration API, audited like any
 * other, each changing its temporary password as a new employee would).
 */
export async function staffCounters(
  api: ApiClient,
  centreCode: string,
  needed: number,
): Promise<{ counters: CounterRef[]; tokens: string[]; manager: string }> {
  const slug = centreCode.toLowerCase().replace(/-/g, "");
  const manager = await signIn(api, `manager.${slug}`, DEMO_PASSWORD);
  const counters = (await countersOf(api, manager, centreCode)).slice(0, needed);
  if (counters.length < needed)
    throw new Error(`${centreCode} has ${counters.length} counters; the day needs ${needed}`);
  const tokens: string[] = [];
  for (let n = 1; n <= needed; n++) {
    if (n <= DEMO_STAFF) {
      tokens.push(await signIn(api, `staff.${slug}.${n}`, DEMO_PASSWORD));
      continue;
    }
    const username = `sim.${slug}.${n}`;
    const created = await api.expect<{ temporaryPassword: string }>("POST", "/admin/users", {
      headers: bearer(manager),
      body: { username, displayName: `Simulated staff ${n}`, role: "staff", centreId: centreCode },
    });
    const password = `simulated-day-${n}-${slug}`;
    const first = await signIn(api, username, created.temporaryPassword);
    await api.expect("POST", "/auth/password", {
      headers: bearer(first),
      body: { currentPassword: created.temporaryPassword, newPassword: password },
    });
    tokens.push(await signIn(api, username, password));
  }
  return { counters, tokens, manager };
}
