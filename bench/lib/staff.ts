import type { ApiClient } from "./http.js";

/** What the bench needs of the contract's Ticket and Counter. */
export interface TicketRef {
  id: string;
  code: string;
}

export interface CounterRef {
  id: string;
  label: string;
  status: string;
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export async function signIn(api: ApiClient, username: string, password: string): Promise<string> {
  const { token } = await api.expect<{ token: string }>("POST", "/auth/login", {
    body: { username, password },
  });
  return token;
}

/** A centre's counters in label order (1, 2, … 40), as the staff console lists them. */
export async function countersOf(api: ApiClient, token: string, centreCode: string): Promise<CounterRef[]> {
  const { counters } = await api.expect<{ counters: CounterRef[] }>(
    "GET",
    `/centres/${centreCode}/counters`,
    {
      headers: bearer(token),
    },
  );
  return [...counters].sort((a, b) => Number(a.label) - Number(b.label) || a.label.localeCompare(b.label));
}

/** Staffs the counter with the centre's every service (the default work profile). */
export async function openCounter(api: ApiClient, token: string, counterId: string): Promise<void> {
  await api.expect("POST", `/counters/${counterId}/open`, { headers: bearer(token) });
}

/** Runs `task` over `items` with at most `limit` at a time. */
export async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i] as T, i);
  });
  await Promise.all(lanes);
  return results;
}
