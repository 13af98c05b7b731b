import type { Language } from "@dost/shared";
import { announcementText, type CallToAnnounce } from "./phrases.js";
import type { Speak } from "./voice.js";

/**
 * At most this many calls wait to be heard. Each takes several seconds in three languages; past
 * this the hall is minutes behind, so the oldest waiting one is dropped (it is still on screen).
 */
export const MAX_WAITING = 12;
const PAUSE_BETWEEN_CALLS_MS = 400;

export interface AnnouncerPorts {
  /** Plays the chime and resolves when it has faded. */
  chime(): Promise<void>;
  speak: Speak | null;
  langs: readonly Language[];
}

export interface Announcer {
  announce(call: CallToAnnounce): void;
  /** Calls waiting, not counting the one being announced. */
  waiting(): number;
  stop(): void;
}

const sameCall = (a: CallToAnnounce, b: CallToAnnounce) =>
  a.code === b.code && a.counterLabel === b.counterLabel && a.recall === b.recall;

/**
 * One call at a time: chime, then the phrase in each language, each waiting for the previous to end,
 * so calls that arrive together are heard one after another and none is cut off.
 */
export function createAnnouncer(ports: AnnouncerPorts): Announcer {
  const queue: CallToAnnounce[] = [];
  let running = false;
  let stopped = false;
  let pause: ReturnType<typeof setTimeout> | undefined;
  let endPause: (() => void) | undefined;

  async function drain() {
    running = true;
    try {
      for (let call = queue.shift(); call && !stopped; call = queue.shift()) {
        try {
          await ports.chime();
        } catch {
          // A broken or missing audio output must not silence the spoken announcement.
        }
        for (const lang of ports.langs) {
          if (stopped || !ports.speak) break;
          await ports.speak(announcementText(call, lang), lang);
        }
        if (queue.length > 0 && !stopped) {
          await new Promise<void>((resolve) => {
            endPause = resolve;
            pause = setTimeout(resolve, PAUSE_BETWEEN_CALLS_MS);
          });
        }
      }
    } finally {
      running = false;
    }
  }

  return {
    announce(call) {
      if (stopped || queue.some((waiting) => sameCall(waiting, call))) return;
      queue.push(call);
      if (queue.length > MAX_WAITING) queue.shift();
      if (!running) void drain();
    },
    waiting: () => queue.length,
    stop() {
      stopped = true;
      queue.length = 0;
      clearTimeout(pause);
      endPause?.();
    },
  };
}
