import type { Messages } from "../i18n/messages.js";

/** Shown once, while the browser blocks sound until someone clicks; the click unlocks it. */
export function SoundPrompt({ t, onEnable }: { t: Messages; onEnable(): void }) {
  return (
    <aside className="sound-prompt" aria-labelledby="sound-prompt-text">
      <p id="sound-prompt-text">{t.enableSoundHint}</p>
      <button type="button" className="sound-button" onClick={onEnable} autoFocus>
        {t.enableSound}
      </button>
    </aside>
  );
}
