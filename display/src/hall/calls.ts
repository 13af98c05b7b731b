import type { TicketCalled } from "@dost/shared";

/** How many calls the display keeps: the newest one plus the list under it. Bounded for weeks of uptime. */
export const MAX_CALLS = 10;

/** A call as the screen holds it: the payload, and until when it is highlighted (epoch ms, 0 = not). */
export interface ShownCall extends TicketCalled {
  highlightUntil: number;
}

/** A call and its recall are different events of the same ticket; calledAt tells them apart. */
export function callKey(call: TicketCalled): string {
  return `${call.ticketId}@${call.calledAt}`;
}

export function inZone(call: TicketCalled, zone: string | null): boolean {
  return zone === null || call.counter.zone === zone;
}

const calledAt = (call: TicketCalled): number => Date.parse(call.calledAt) || 0;

/** Newest first by calledAt; among equal times the earlier entry in `calls` stays first. */
function byCalledAtDesc(calls: readonly ShownCall[]): ShownCall[] {
  return calls
    .map((call, index) => ({ call, index }))
    .sort((a, b) => calledAt(b.call) - calledAt(a.call) || a.index - b.index)
    .map(({ call }) => call);
}

/** Keeps the newest call of each ticket: a recall, or a call after a transfer, is one line, not two. */
function onePerTicket(calls: readonly ShownCall[]): ShownCall[] {
  const seen = new Set<string>();
  return calls.filter((call) => !seen.has(call.ticketId) && seen.add(call.ticketId));
}

/**
 * Adds a live call in calledAt order. Events can arrive out of order (the server's cluster adapter
 * awaits a database round trip per emit before delivering locally), so arrival order is not trusted;
 * a call that arrived late but is newest still goes on top. Returns the same array when the call
 * changes nothing (already shown, superseded by the ticket's recall, or older than every kept call),
 * so an event delivered twice is neither shown nor announced twice.
 */
export function addCall(
  calls: readonly ShownCall[],
  call: TicketCalled,
  highlightUntil: number,
): ShownCall[] {
  const key = callKey(call);
  if (calls.some((shown) => callKey(shown) === key)) return calls as ShownCall[];
  const next = onePerTicket(byCalledAtDesc([{ ...call, highlightUntil }, ...calls])).slice(0, MAX_CALLS);
  return next.some((shown) => callKey(shown) === key) ? next : (calls as ShownCall[]);
}

/**
 * The screen rebuilt from display-state plus the live calls that arrived while it was being
 * fetched. Calls that were already on screen keep their highlight; `fresh` lists the calls the
 * screen had not shown before, oldest first, so they can be highlighted and announced in order.
 */
export function rebuildCalls(
  previous: readonly ShownCall[],
  fromServer: readonly TicketCalled[],
  arrivedMeanwhile: readonly TicketCalled[],
  /** Calls on screen that the server's answer cannot contain (older than its window) and stay. */
  keepOlder: (call: ShownCall) => boolean = () => false,
): { calls: ShownCall[]; fresh: TicketCalled[] } {
  const before = new Map(previous.map((call) => [callKey(call), call]));
  const keys = new Set<string>();
  const merged: ShownCall[] = [];
  const kept = previous.filter(keepOlder);
  for (const call of [...arrivedMeanwhile].reverse().concat(fromServer, kept)) {
    const key = callKey(call);
    if (keys.has(key)) continue;
    keys.add(key);
    merged.push({ ...call, highlightUntil: before.get(key)?.highlightUntil ?? 0 });
  }
  const calls = onePerTicket(byCalledAtDesc(merged)).slice(0, MAX_CALLS);
  const fresh = calls.filter((call) => !before.has(callKey(call))).reverse();
  return { calls, fresh };
}

/** Highlights ending at `until` for the given calls. */
export function highlight(
  calls: readonly ShownCall[],
  keys: ReadonlySet<string>,
  until: number,
): ShownCall[] {
  return calls.map((call) => (keys.has(callKey(call)) ? { ...call, highlightUntil: until } : call));
}

/** Clears highlights that ended; returns the same array when nothing changed. */
export function expireHighlights(calls: readonly ShownCall[], now: number): ShownCall[] {
  if (!calls.some((call) => call.highlightUntil !== 0 && call.highlightUntil <= now))
    return calls as ShownCall[];
  return calls.map((call) =>
    call.highlightUntil !== 0 && call.highlightUntil <= now ? { ...call, highlightUntil: 0 } : call,
  );
}

/** When the next highlight ends, or null when nothing is highlighted. */
export function nextHighlightEnd(calls: readonly ShownCall[]): number | null {
  let next: number | null = null;
  for (const call of calls) {
    if (call.highlightUntil !== 0 && (next === null || call.highlightUntil < next))
      next = call.highlightUntil;
  }
  return next;
}
