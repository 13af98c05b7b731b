import type { Messages } from "../i18n/messages.js";
import type { ShownCall } from "./calls.js";

/**
 * The calls before the newest, newest first. All are rendered; the stylesheet shows as many rows as
 * the orientation leaves room for.
 */
export function RecentCalls({ calls, t }: { calls: readonly ShownCall[]; t: Messages }) {
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title" className="panel-title">
        {t.recentCalls}
      </h2>
      <table className="recent-table">
        <thead>
          <tr>
            <th scope="col">{t.ticket}</th>
            <th scope="col">{t.counter}</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((call) => (
            <tr key={call.ticketId} data-code={call.code} data-highlight={call.highlightUntil > 0}>
              <td className="recent-code">
                {call.code}
                {call.recall ? <span className="recall-tag">{t.recall}</span> : null}
              </td>
              <td className="recent-counter">{call.counter.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
