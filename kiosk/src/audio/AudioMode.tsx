import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { useI18n } from "../i18n/i18n.js";
import { browserSpeaker, type Speaker } from "./speaker.js";

export interface AudioMode {
  on: boolean;
  /** The speaker, or null where the browser has no speech (the mode is then not offered). */
  speaker: Speaker | null;
  start(): void;
  /** Ends the mode; `announce` says so first (the visitor asked), a reset ends it silently. */
  stop(announce?: boolean): void;
  /** True once after start(): the first words are the welcome in every language. */
  takeWelcome(): boolean;
}

const OFF: AudioMode = { on: false, speaker: null, start() {}, stop() {}, takeWelcome: () => false };

const AudioModeContext = createContext<AudioMode>(OFF);

/** Holds whether the kiosk is speaking; the kiosk's idle reset and every new visitor end it. */
export function AudioModeProvider(props: { speaker?: Speaker | null; children: ReactNode }) {
  const { t, language } = useI18n();
  const [speaker] = useState(() => (props.speaker === undefined ? browserSpeaker() : props.speaker));
  const [on, setOn] = useState(false);
  const welcome = useRef(false);

  const start = useCallback(() => {
    if (!speaker) return;
    welcome.current = true;
    setOn(true);
  }, [speaker]);

  const offText = t.audio.off;
  const stop = useCallback(
    (announce = false) => {
      welcome.current = false;
      if (announce) speaker?.say([{ text: offText, lang: language }]);
      else speaker?.stop();
      setOn(false);
    },
    [speaker, offText, language],
  );

  const takeWelcome = useCallback(() => {
    const due = welcome.current;
    welcome.current = false;
    return due;
  }, []);

  const value = useMemo<AudioMode>(
    () => ({ on, speaker, start, stop, takeWelcome }),
    [on, speaker, start, stop, takeWelcome],
  );
  return <AudioModeContext value={value}>{props.children}</AudioModeContext>;
}

export function useAudioMode(): AudioMode {
  return useContext(AudioModeContext);
}

/**
 * The start screen's way in for someone who can see a little, or for the person helping them: large,
 * near the top, and naming the keypad key that does the same.
 */
export function AudioModeButton() {
  const { t } = useI18n();
  const { on, speaker, start, stop } = useAudioMode();
  if (!speaker) return null;
  return (
    <div className="audio-mode">
      <button
        type="button"
        className="button audio-mode-button"
        aria-pressed={on}
        aria-describedby="audio-mode-hint"
        data-audio-skip=""
        onClick={() => (on ? stop(true) : start())}
      >
        <span className="audio-mode-icon" aria-hidden="true">
          🔊
        </span>{" "}
        {on ? t.audio.buttonOn : t.audio.button}
      </button>
      <p id="audio-mode-hint" className="audio-mode-hint">
        {t.audio.buttonHint}
      </p>
    </div>
  );
}
