import type { Service, Ticket } from "@dost/shared";
import { useI18n } from "../i18n/i18n.js";
import { elapsedMs, formatDuration } from "../ui/format.js";
import { useNow } from "../ui/useNow.js";

/**
 * The visitors waiting for this counter's services, in the order its call-next takes them (the
 * server lists the centre's queue in the policy's one total order). Any of them can be called out
 * of order, with a reason that goes into the log.
 */
export function WaitingList({
  waiting,
  servicesById,
  canCall,
  onCall,
}: {
  waiting: Ticket[];
  servicesById: ReadonlyMap<string, Service>;
  canCall: boolean;
  onCall(ticket: Ticket): void;
}) {
  const { t, local } = useI18n();
  const now = useNow();

  return (
    <section className="panel waiting" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">
        {t.waiting.heading} <span className="count">{waiting.length}</span>
      </h2>
      {waiting.length === 0 ? (
        <p className="muted">{t.waiting.empty}</p>
      ) : (
        <div className="scroll" tabIndex={0} role="region" aria-labelledby="waiting-heading">
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t.waiting.code}</th>
                <th scope="col">{t.waiting.service}</th>
                <th scope="col">{t.waiting.priority}</th>
                <th scope="col" className="num">
                  {t.waiting.waited}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t.waiting.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((ticket) => {
                const service = servicesById.get(ticket.serviceId);
                return (
                  <tr key={ticket.id} data-code={ticket.code}>
                    <th scope="row" className="code">
                      {ticket.code}
                    </th>
                    <td>{service ? local(service.name) : "—"}</td>
                    <td className={ticket.priority === "none" ? "muted" : "priority-flag"}>
                      {t.priority[ticket.priority]}
                    </td>
                    <td className="num timer">{formatDuration(elapsedMs(ticket.issuedAt, now))}</td>
                    <td>
                      <button
                        type="button"
                        className="button small"
                        disabled={!canCall}
                        onClick={() => onCall(ticket)}
                        aria-label={t.waiting.callThis({ code: ticket.code })}
                      >
                        {t.waiting.call}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
