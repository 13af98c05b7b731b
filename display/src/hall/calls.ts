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

/**
 * Puts a live call at the top. One line per ticket: a recall, or a call after a transfer, moves the
 * ticket up rather than listing it twice. Returns the same array when the call is already shown, so
 * an event delivered twice is neither shown nor announced twice.
 */
export function addCall(
  calls: readonly ShownCall[],
  call: TicketCalled,
  highlightUntil: number,
): ShownCall[] {
  const key = callKey(call);
  if (calls.some((shown) => callKey(shown) === key)) return calls as ShownCall[];
  const others = calls.filter((shown) => shown.ticketId !== call.ticketId);
  return [{ ...call, highlightUntil }, ...others].slice(0, MAX_CALLS);
}

/**
 * The screen rebuilt from display-state (newest first) plus the live calls that arrived while it was
 * being fetched. Calls that were already on screen keep their highlight; `fresh` lists the calls the
 * screen had not shown before, oldest first, so they can be highlighted and announced in order.
 */
export function rebuildCalls(
  previous: readonly ShownCall[],
  fromServer: readonly TicketCalled[],
  arrivedMeanwhile: readonly TicketCalled[],
): { calls: ShownCall[]; fresh: TicketCalled[] } {
  const before = new Map(previous.map((call) => [callKey(call), call]));
  const serverKeys = new Set(fromServer.map(callKey));
  // A live call the server's answer does not yet include is newer than that answer: it goes on top.
  const ordered = [
    ...arrivedMeanwhile.filter((call) => !serverKeys.has(callKey(call))).reverse(),
    ...fromServer,
  ];
  const seenTickets = new Set<string>();
  const calls: ShownCall[] = [];
  for (const call of ordered) {
    if (seenTickets.has(call.ticketId)) continue;
    seenTickets.add(call.ticketId);
    calls.push({ ...call, highlightUntil: before.get(callKey(call))?.highlightUntil ?? 0 });
    if (calls.length === MAX_CALLS) break;
  }
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
