import type { Centre, Language, LocalizedText } from "@dost/shared";
import { messages } from "../i18n/messages.js";
import { SoundPrompt } from "../sound/SoundPrompt.js";
import type { ShownCall } from "./calls.js";
import { CentreClock } from "./CentreClock.js";
import { NowCalling } from "./NowCalling.js";
import { RecentCalls } from "./RecentCalls.js";

export interface HallScreenProps {
  centre: Pick<Centre, "name" | "timezone">;
  lang: Language;
  /** Newest first. */
  calls: readonly ShownCall[];
  message: LocalizedText | null;
  /** False until the first display-state arrived: the screen says nothing rather than "no calls". */
  loaded: boolean;
  offline: boolean;
  soundBlocked: boolean;
  onEnableSound(): void;
}

/** What the hall sees; it holds no state of its own beyond the clock. */
export function HallScreen({
  centre,
  lang,
  calls,
  message,
  loaded,
  offline,
  soundBlocked,
  onEnableSound,
}: HallScreenProps) {
  const t = messages[lang];
  return (
    <div className="hall">
      <header className="hall-header">
        <h1 className="centre-name">{centre.name[lang]}</h1>
        <CentreClock timeZone={centre.timezone} t={t} />
      </header>
      <main className="hall-main" aria-busy={!loaded}>
        <NowCalling call={calls[0]} loaded={loaded} t={t} />
        <RecentCalls calls={calls.slice(1)} t={t} />
      </main>
      {message ? (
        <footer className="message-line">
          <p>{message[lang]}</p>
        </footer>
      ) : null}
      {/* Always present so assistive technology hears the badge come and go. */}
      <div className="offline-slot" role="status">
        {offline ? <p className="offline-badge">{t.offline}</p> : null}
      </div>
      {soundBlocked ? <SoundPrompt t={t} onEnable={onEnableSound} /> : null}
    </div>
  );
}
