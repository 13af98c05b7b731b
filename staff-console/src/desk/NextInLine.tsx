import type { CounterNext, ExplainedTicket } from "@dost/shared";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/i18n.js";
import { useSession } from "../session/session.js";
import { callReasonText } from "./call-reason-text.js";

/** Waited minutes grow while nothing happens: asked again once a minute besides every change. */
const REFRESH_MS = 60_000;

/**
 * Why the visitor just called was next, and why the next three are, in plain words from the
 * server's own scoring ("waited 12 min + veteran bonus 15 min"): the order a clerk sees is the
 * policy's, and this says so. `version` changes whenever the desk's data does, to ask again.
 */
export function NextInLine({
  counterId,
  timeZone,
  version,
}: {
  counterId: string;
  timeZone: string;
  version: unknown;
}) {
  const { api } = useSession();
  const { t, language } = useI18n();
  const [answer, setAnswer] = useState<CounterNext | null>(null);

  useEffect(() => {
    let current = true;
    const load = () =>
      api.nextInLine(counterId).then(
        (next) => current && setAnswer(next),
        // The list is an explanation, not the work: a failed fetch keeps the last one until the next.
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [api, counterId, version]);

  if (!answer) return null;
  const line = (explained: ExplainedTicket) => callReasonText(explained.reason, t, language, timeZone);
  return (
    <section className="panel next-in-line" aria-labelledby="why-heading">
      <h2 id="why-heading">{t.why.heading}</h2>
      {answer.current === null && answer.next.length === 0 ? (
        <p className="muted">{t.why.empty}</p>
      ) : (
        <ul>
          {answer.current && (
            <li data-code={answer.current.ticket.code}>
              {t.why.called({ code: answer.current.ticket.code, reason: line(answer.current) })}
            </li>
          )}
          {answer.next.map((explained) => (
            <li key={explained.ticket.id} data-code={explained.ticket.code}>
              {t.why.next({ code: explained.ticket.code, reason: line(explained) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
