import type { Language, TicketCalled } from "@dost/shared";
import { useCallback, useEffect, useRef, useState } from "react";
import { createAnnouncer, type Announcer } from "./announcer.js";
import { playChime, type ChimeContext } from "./chime.js";
import { soundIsBlocked, type ResumableContext } from "./sound-unlock.js";
import { browserSpeak, type Speak } from "./voice.js";

export type HallAudioContext = ChimeContext & ResumableContext & Pick<AudioContext, "close">;

/** Where sound comes from; the browser's by default, fakes in tests. */
export interface SoundPorts {
  createAudioContext(): HallAudioContext | null;
  speak: Speak | null;
  /** Runs inside the click that enables sound, so the speech engine counts as user-activated too. */
  primeSpeech?(): void;
}

export function browserSoundPorts(): SoundPorts {
  return {
    createAudioContext: () => (typeof AudioContext === "undefined" ? null : new AudioContext()),
    speak: browserSpeak(),
    primeSpeech() {
      if (typeof SpeechSynthesisUtterance === "undefined" || !("speechSynthesis" in window)) return;
      const silence = new SpeechSynthesisUtterance(" ");
      silence.volume = 0;
      window.speechSynthesis.speak(silence);
    },
  };
}

/**
 * The hall's sound: one AudioContext for the chime, one announcer queue. `blocked` is true while the
 * browser refuses to play until someone clicks; `enable` is that click.
 */
export function useHallSound(ports: SoundPorts, langs: readonly Language[]) {
  const announcer = useRef<Announcer | null>(null);
  const audio = useRef<HallAudioContext | null>(null);
  const [blocked, setBlocked] = useState(false);

  useEffect(() => {
    const context = ports.createAudioContext();
    const queue = createAnnouncer({
      chime: () => {
        if (!context) return Promise.resolve();
        // Some systems suspend audio after a long idle; ask again (it works once sound was unlocked).
        if (context.state === "suspended") void context.resume().catch(() => undefined);
        return playChime(context);
      },
      speak: ports.speak,
      langs,
    });
    audio.current = context;
    announcer.current = queue;
    let current = true;
    if (context) {
      void soundIsBlocked(context).then((isBlocked) => {
        if (current) setBlocked(isBlocked);
      });
    }
    return () => {
      current = false;
      queue.stop();
      announcer.current = null;
      audio.current = null;
      void context?.close().catch(() => undefined);
    };
  }, [ports, langs]);

  const announce = useCallback((call: TicketCalled) => {
    announcer.current?.announce({ code: call.code, counterLabel: call.counter.label, recall: call.recall });
  }, []);

  const enable = useCallback(() => {
    void audio.current?.resume().catch(() => undefined);
    ports.primeSpeech?.();
    setBlocked(false);
  }, [ports]);

  return { announce, blocked, enable };
}
