import type { Counter, Service } from "@dost/shared";
import { useI18n } from "../i18n/i18n.js";
import { elapsedMs, formatClock, formatDuration } from "../ui/format.js";
import { Kbd } from "../ui/Kbd.js";
import { useNow } from "../ui/useNow.js";
import { BREAK_REASON_LABELS, isPresetReason } from "./break-reasons.js";
import { SHORTCUTS } from "./shortcuts.js";
import { zoneLabel } from "./zones.js";

/** The counter itself: which, in what state since when, its profile, break and close. */
export function CounterBar({
  counter,
  profile,
  timeZone,
  busy,
  onPauseOrResume,
  onEditProfile,
  onClose,
}: {
  counter: Counter;
  profile: Service[];
  timeZone: string;
  busy: boolean;
  onPauseOrResume(): void;
  onEditProfile(): void;
  onClose(): void;
}) {
  const { t, language } = useI18n();
  const now = useNow();
  const occupied = counter.currentTicket !== null;
  const onBreak = counter.status === "break";
  const reason = counter.breakReason
    ? isPresetReason(counter.breakReason)
      ? BREAK_REASON_LABELS[counter.breakReason](t)
      : counter.breakReason
    : "";

  return (
    <section className={`counter-bar ${onBreak ? "on-break" : ""}`} aria-label={t.counter.region}>
      <div className="counter-id">
        <span className="counter-label">{t.counter.label({ label: counter.label })}</span>
        <span className="muted small">{zoneLabel(counter.zone, t)}</span>
      </div>
      <p className="counter-state">
        <strong>{onBreak ? t.counter.onBreak({ reason }) : t.counter.status[counter.status]}</strong>
        {counter.statusSince && (
          <span className="muted">
            {" "}
            {t.counter.since({
              time: formatClock(counter.statusSince, language, timeZone),
              duration: formatDuration(elapsedMs(counter.statusSince, now)),
            })}
          </span>
        )}
      </p>
      <p className="counter-profile">
        <span className="muted small">{t.counter.profile}</span>{" "}
        {profile.map((s) => (
          <span key={s.id} className="prefix" title={s.code}>
            {s.prefix}
          </span>
        ))}
        <button type="button" className="button small subtle" onClick={onEditProfile} disabled={busy}>
          {t.counter.editProfile}
        </button>
      </p>
      <div className="row">
        <button
          type="button"
          className={`button ${onBreak ? "primary" : ""}`}
          onClick={onPauseOrResume}
          disabled={busy || (!onBreak && occupied)}
          aria-keyshortcuts={SHORTCUTS.pause.aria}
        >
          {onBreak ? t.counter.resume : t.counter.pause} <Kbd shortcut={SHORTCUTS.pause} />
        </button>
        <button type="button" className="button" onClick={onClose} disabled={busy || occupied}>
          {t.counter.close}
        </button>
      </div>
      {occupied && !onBreak && <p className="muted small hint">{t.counter.finishFirst}</p>}
    </section>
  );
}
