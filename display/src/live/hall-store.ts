import type { LocalizedText, TicketCalled } from "@dost/shared";
import { isKeyRefused, type DisplayApi } from "../api.js";
import {
  addCall,
  callKey,
  expireHighlights,
  highlight,
  inZone,
  MAX_CALLS,
  nextHighlightEnd,
  rebuildCalls,
  type ShownCall,
} from "../hall/calls.js";
import { centreClock } from "../hall/centre-time.js";
import type { HallChannel, OpenHallChannel } from "./hall-channel.js";

/** "online" also covers the first seconds of an outage: the badge waits for OFFLINE_AFTER_MS. */
export type Connection = "connecting" | "online" | "offline";

export interface HallSnapshot {
  calls: readonly ShownCall[];
  message: LocalizedText | null;
  connection: Connection;
  refused: boolean;
  /** False until the first display-state has been drawn. */
  loaded: boolean;
}

export interface HallStoreOptions {
  api: DisplayApi;
  openChannel: OpenHallChannel;
  deviceKey: string;
  centreId: string;
  /** The centre's timezone, which decides what "the same service day" is. */
  timeZone: string;
  zone: string | null;
  /** Called once per call the hall should hear, in the order they should be heard. */
  announce(call: TicketCalled): void;
  now?: () => number;
}

export const OFFLINE_AFTER_MS = 3_000;
/** How many calls display-state lists (the contract's "last 10"). */
export const SERVER_RECENT_CALLS = 10;
export const HIGHLIGHT_MS = 10_000;
/** A call missed while offline is still announced if it is this recent; older ones are only shown. */
export const CATCH_UP_ANNOUNCE_MS = 60_000;
const REFETCH_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
/**
 * A screen that stays connected for weeks is still rebuilt now and then: display-state only lists
 * today's calls, so yesterday's leave the screen overnight, and an event lost in transit cannot
 * leave a wrong screen for long.
 */
export const REFRESH_EVERY_MS = 5 * 60_000;

/**
 * The hall's live state outside React. The channel opens with the first subscriber and closes with
 * the last, and the store owns every timer, so nothing keeps running once the screen is gone.
 * React reads it through useSyncExternalStore.
 */
export function createHallStore(options: HallStoreOptions) {
  const now = options.now ?? Date.now;
  const readClock = centreClock(options.timeZone);
  const dayOf = (iso: string) => {
    const { year, month, day } = readClock(new Date(iso));
    return `${year}-${month}-${day}`;
  };
  let snapshot: HallSnapshot = {
    calls: [],
    message: null,
    connection: "connecting",
    refused: false,
    loaded: false,
  };
  const subscribers = new Set<() => void>();
  let loaded = false;
  let fetchSeq = 0;
  // Live calls that arrive while display-state is in flight, so the rebuild cannot drop them.
  let arrivedMeanwhile: TicketCalled[] = [];
  let fetching = false;
  let refetchAttempt = 0;
  let offlineTimer: ReturnType<typeof setTimeout> | undefined;
  let refetchTimer: ReturnType<typeof setTimeout> | undefined;
  let highlightTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshTimer: ReturnType<typeof setInterval> | undefined;
  let channel: HallChannel | undefined;
  let open = false;

  function set(next: Partial<HallSnapshot>) {
    snapshot = { ...snapshot, ...next };
    if (next.calls) scheduleHighlightEnd();
    for (const notify of subscribers) notify();
  }

  function scheduleHighlightEnd() {
    clearTimeout(highlightTimer);
    const end = nextHighlightEnd(snapshot.calls);
    if (end === null || !open) return;
    highlightTimer = setTimeout(
      () => set({ calls: expireHighlights(snapshot.calls, now()) }),
      Math.max(0, end - now()),
    );
  }

  function startOfflineTimer() {
    if (offlineTimer !== undefined || snapshot.connection === "offline") return;
    offlineTimer = setTimeout(() => {
      offlineTimer = undefined;
      set({ connection: "offline" });
    }, OFFLINE_AFTER_MS);
  }

  function refuse() {
    close();
    set({ refused: true });
  }

  /**
   * display-state holds the centre's last SERVER_RECENT_CALLS calls. When it is full, a zoned screen
   * may know older calls of its own zone that did not fit; they stay if they are from the same
   * service day. When it is not full, it is the whole day and the screen follows it exactly.
   */
  function olderThanWindow(serverCalls: readonly TicketCalled[]): (call: ShownCall) => boolean {
    const oldest = serverCalls[serverCalls.length - 1];
    if (serverCalls.length < SERVER_RECENT_CALLS || !oldest) return () => false;
    const oldestAt = Date.parse(oldest.calledAt);
    const day = dayOf(oldest.calledAt);
    return (call) => Date.parse(call.calledAt) < oldestAt && dayOf(call.calledAt) === day;
  }

  async function rebuild() {
    clearTimeout(refetchTimer);
    const seq = ++fetchSeq;
    fetching = true;
    try {
      const state = await options.api.displayState(options.centreId);
      if (!open || seq !== fetchSeq) return;
      const fromServer = state.recentCalls.filter((call) => inZone(call, options.zone));
      const { calls, fresh } = rebuildCalls(
        snapshot.calls,
        fromServer,
        arrivedMeanwhile,
        olderThanWindow(state.recentCalls),
      );
      arrivedMeanwhile = [];
      fetching = false;
      refetchAttempt = 0;
      // The first load only paints the screen; later rebuilds bring calls missed while offline.
      const missed = loaded ? fresh : [];
      loaded = true;
      const at = now();
      set({
        calls: highlight(calls, new Set(missed.map(callKey)), at + HIGHLIGHT_MS),
        message: state.displayMessage ?? null,
        loaded: true,
      });
      for (const call of missed) {
        if (at - Date.parse(call.calledAt) <= CATCH_UP_ANNOUNCE_MS) options.announce(call);
      }
    } catch (error) {
      if (!open || seq !== fetchSeq) return;
      if (isKeyRefused(error)) return refuse();
      const delay = REFETCH_DELAYS_MS[Math.min(refetchAttempt, REFETCH_DELAYS_MS.length - 1)] ?? 30_000;
      refetchAttempt += 1;
      refetchTimer = setTimeout(() => void rebuild(), delay);
    }
  }

  function connect() {
    open = true;
    startOfflineTimer();
    scheduleHighlightEnd();
    refreshTimer = setInterval(() => {
      if (snapshot.connection === "online") void rebuild();
    }, REFRESH_EVERY_MS);
    channel = options.openChannel(options.deviceKey, {
      connected() {
        clearTimeout(offlineTimer);
        offlineTimer = undefined;
        set({ connection: "online" });
        void rebuild();
      },
      disconnected() {
        startOfflineTimer();
      },
      refused: refuse,
      called(call) {
        if (!inZone(call, options.zone)) return;
        if (fetching) arrivedMeanwhile = [...arrivedMeanwhile, call].slice(-MAX_CALLS);
        const calls = addCall(snapshot.calls, call, now() + HIGHLIGHT_MS);
        if (calls === snapshot.calls) return;
        set({ calls });
        options.announce(call);
      },
      changed() {
        void rebuild();
      },
    });
    // A channel may refuse while being opened, before `channel` was assigned.
    if (!open) close();
  }

  function close() {
    open = false;
    fetchSeq += 1;
    fetching = false;
    arrivedMeanwhile = [];
    clearTimeout(offlineTimer);
    offlineTimer = undefined;
    clearTimeout(refetchTimer);
    clearTimeout(highlightTimer);
    clearInterval(refreshTimer);
    channel?.close();
    channel = undefined;
  }

  return {
    getSnapshot: (): HallSnapshot => snapshot,
    subscribe(notify: () => void): () => void {
      subscribers.add(notify);
      if (subscribers.size === 1 && !snapshot.refused) connect();
      return () => {
        subscribers.delete(notify);
        if (subscribers.size === 0) close();
      };
    },
  };
}

export type HallStore = ReturnType<typeof createHallStore>;
