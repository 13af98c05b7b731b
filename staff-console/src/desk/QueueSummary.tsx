import type { Service, Ticket } from "@dost/shared";
import { useI18n } from "../i18n/i18n.js";
import { elapsedMs, formatDuration } from "../ui/format.js";
import { useNow } from "../ui/useNow.js";

/**
 * Waiting per service of this counter's profile and the longest wait, computed from the waiting
 * tickets themselves so the figure keeps counting between events. A service over its target wait
 * is flagged in words as well as colour.
 */
export function QueueSummary({ services, waiting }: { services: Service[]; waiting: Ticket[] }) {
  const { t, local } = useI18n();
  const now = useNow();
  const rows = services.map((service) => {
    const mine = waiting.filter((w) => w.serviceId === service.id);
    const longestMs = mine.reduce((max, w) => Math.max(max, elapsedMs(w.issuedAt, now)), 0);
    return { service, count: mine.length, longestMs, late: longestMs > service.targetWaitMinutes * 60_000 };
  });
  const total = rows.reduce((sum, r) => sum + r.count, 0);

  return (
    <section className="panel" aria-labelledby="queue-heading">
      <h2 id="queue-heading">
        {t.queue.heading} <span className="count">{t.queue.total({ count: total })}</span>
      </h2>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">{t.queue.service}</th>
            <th scope="col" className="num">
              {t.queue.waiting}
            </th>
            <th scope="col" className="num">
              {t.queue.longest}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ service, count, longestMs, late }) => (
            <tr key={service.id} className={late ? "late" : undefined}>
              <th scope="row">
                <span className="prefix">{service.prefix}</span> {local(service.name)}
              </th>
              <td className="num">{count}</td>
              <td className="num timer">
                {count > 0 ? formatDuration(longestMs) : "—"}
                {late && (
                  <span className="late-flag">
                    {t.queue.overTarget({ minutes: service.targetWaitMinutes })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
