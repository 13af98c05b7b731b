import type { Messages } from "../i18n/messages.js";
import type { ShownCall } from "./calls.js";

/** The newest call, as large as the screen allows: code, then the counter to walk to. */
export function NowCalling({
  call,
  loaded,
  t,
}: {
  call: ShownCall | undefined;
  loaded: boolean;
  t: Messages;
}) {
  return (
    <section className="now" aria-labelledby="now-title" data-highlight={call && call.highlightUntil > 0}>
      <h2 id="now-title" className="panel-title">
        {t.nowCalling}
      </h2>
      {/* Polite live region: a screen reader next to the display reads each new call. */}
      <div className="now-body" aria-live="polite" aria-atomic="true">
        {call ? (
          <p className="now-call" data-code={call.code}>
            <span className="sr-only">{t.ticket} </span>
            <span className="now-code">{call.code}</span>
            <span className="now-arrow" aria-hidden="true">
              →
            </span>
            <span className="now-counter">
              <span className="now-counter-word">{t.counter} </span>
              <span className="now-counter-label">{call.counter.label}</span>
            </span>
            {call.recall ? <span className="recall-tag">{t.recall}</span> : null}
          </p>
        ) : loaded ? (
          <p className="now-empty">{t.noCallsYet}</p>
        ) : null}
      </div>
    </section>
  );
}
