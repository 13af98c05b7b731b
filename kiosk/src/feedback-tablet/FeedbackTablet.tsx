import type { FeedbackReason, Language } from "@dost/shared";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { ApiError } from "@dost/shared/client";
import { DEFAULT_LANGUAGE, I18nProvider, useI18n } from "../i18n/i18n.js";
import { KioskHeader } from "../kiosk/KioskHeader.js";
import { FeedbackReasons } from "../status/FeedbackReasons.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";
import { TABLET_MESSAGES } from "./i18n.js";
import "./feedback-tablet.css";
import { fetchPendingVisit, sendCounterFeedback, type PendingVisit } from "./tablet-api.js";

/** How often an idle tablet asks whether a visit at its counter has just ended. */
const POLL_MS = 3000;
/** How long the thank-you stays before the tablet is idle again for the next visitor. */
export const THANKS_MS = 6000;
const SCORES = [1, 2, 3, 4, 5] as const;
/** A face for each score, beside its words: readable without reading. */
const FACES: Record<(typeof SCORES)[number], string> = { 1: "😠", 2: "🙁", 3: "😐", 4: "🙂", 5: "😄" };

type Phase =
  | { step: "idle" }
  | { step: "asking"; visit: PendingVisit; problem: "failed" | null; sending: boolean }
  | { step: "done"; outcome: "thanked" | "closed" }
  | { step: "unpaired" };

/**
 * The counter's feedback tablet (a device of kind "feedback" paired to one counter): when a visit
 * ends there it asks for a score of 1 to 5 with the status page's reasons, thanks the visitor and
 * goes back to idle, in Azerbaijani again for the next one.
 */
export function FeedbackTablet({ deviceKey }: { deviceKey: string | null }) {
  const [language, setLanguage] = useState<Language>(DEFAULT_LANGUAGE);
  const title = useCallback(() => TABLET_MESSAGES[language].title, [language]);
  return (
    <I18nProvider language={language} onLanguageChange={setLanguage} title={title}>
      <div className="kiosk feedback-tablet">
        <KioskHeader />
        <main className="kiosk-main" id="main">
          <TabletScreen deviceKey={deviceKey} onIdle={() => setLanguage(DEFAULT_LANGUAGE)} />
        </main>
      </div>
    </I18nProvider>
  );
}

function TabletScreen({ deviceKey, onIdle }: { deviceKey: string | null; onIdle(): void }) {
  const { t, language } = useI18n();
  const words = TABLET_MESSAGES[language];
  const [phase, setPhase] = useState<Phase>(deviceKey ? { step: "idle" } : { step: "unpaired" });
  // Visits skipped here: the server offers them for a while longer, the tablet does not ask again.
  const skipped = useRef(new Set<string>());

  useEffect(() => {
    if (phase.step !== "idle" || !deviceKey) return;
    let live = true;
    const look = () =>
      fetchPendingVisit(deviceKey).then(
        (visit) => {
          if (live && visit && !skipped.current.has(visit.id))
            setPhase({ step: "asking", visit, problem: null, sending: false });
        },
        (error: unknown) => {
          if (live && error instanceof ApiError && error.failure === "unauthenticated")
            setPhase({ step: "unpaired" });
        },
      );
    void look();
    const timer = window.setInterval(() => void look(), POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [phase.step, deviceKey]);

  useEffect(() => {
    if (phase.step !== "done") return;
    const timer = window.setTimeout(() => {
      onIdle();
      setPhase({ step: "idle" });
    }, THANKS_MS);
    return () => window.clearTimeout(timer);
  }, [phase.step, onIdle]);

  if (phase.step === "unpaired")
    return (
      <section className="panel">
        <ScreenHeading>{words.title}</ScreenHeading>
        <p className="lead" role="alert">
          {words.notPaired}
        </p>
      </section>
    );
  if (phase.step === "idle")
    return (
      <section className="panel feedback-idle">
        <ScreenHeading>{words.idle}</ScreenHeading>
      </section>
    );
  if (phase.step === "done")
    return (
      <section className="panel feedback-idle">
        <ScreenHeading>{phase.outcome === "thanked" ? t.feedback.thanks : t.feedback.closed}</ScreenHeading>
      </section>
    );
  return (
    <RatingForm
      key={phase.visit.id}
      visit={phase.visit}
      problem={phase.problem}
      sending={phase.sending}
      onSend={async (score, reasons) => {
        if (!deviceKey) return;
        setPhase({ ...phase, problem: null, sending: true });
        try {
          await sendCounterFeedback(deviceKey, phase.visit.id, { score, reasons });
          setPhase({ step: "done", outcome: "thanked" });
        } catch (error) {
          const closed = error instanceof ApiError && error.code === "CONFLICT";
          setPhase(
            closed ? { step: "done", outcome: "closed" } : { ...phase, problem: "failed", sending: false },
          );
        }
      }}
      onSkip={() => {
        skipped.current.add(phase.visit.id);
        onIdle();
        setPhase({ step: "idle" });
      }}
    />
  );
}

function RatingForm(props: {
  visit: PendingVisit;
  problem: "failed" | null;
  sending: boolean;
  onSend(score: number, reasons: FeedbackReason[]): Promise<void>;
  onSkip(): void;
}) {
  const { t, language } = useI18n();
  const f = t.feedback;
  const words = TABLET_MESSAGES[language];
  const id = useId();
  const [score, setScore] = useState<number | null>(null);
  const [reasons, setReasons] = useState<FeedbackReason[]>([]);
  const [noScore, setNoScore] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (score === null) return setNoScore(true);
    void props.onSend(score, reasons);
  }

  return (
    <form className="feedback-form feedback-tablet-form panel" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <ScreenHeading>
        <span id={`${id}-h`}>{words.ask(props.visit.code)}</span>
      </ScreenHeading>
      <fieldset className="feedback-faces">
        <legend>{words.faces}</legend>
        {SCORES.map((s) => (
          <label key={s} className="feedback-face">
            <input
              type="radio"
              name={`${id}-score`}
              value={s}
              checked={score === s}
              onChange={() => {
                setScore(s);
                setNoScore(false);
              }}
            />
            <span className="face" aria-hidden="true">
              {FACES[s]}
            </span>
            <span>{f.scores[s]}</span>
          </label>
        ))}
      </fieldset>
      <FeedbackReasons chosen={reasons} onChange={setReasons} />
      {(noScore || props.problem) && (
        <p className="notice" role="alert">
          {noScore ? f.chooseScore : f.failed}
        </p>
      )}
      <div className="feedback-tablet-actions">
        <button type="button" className="button secondary" onClick={props.onSkip}>
          {words.skip}
        </button>
        <button type="submit" className="button primary" disabled={props.sending}>
          {props.sending ? f.sending : f.send}
        </button>
      </div>
    </form>
  );
}
