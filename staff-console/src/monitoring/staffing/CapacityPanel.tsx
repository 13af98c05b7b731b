import type { AppointmentCapacityResponse, Service } from "@dost/shared";
import { useEffect, useId, useState } from "react";
import { ApiError, type FailureCode } from "@dost/shared/client";
import { FailureAlert } from "../../desk/FailureAlert.js";
import { useI18n } from "../../i18n/i18n.js";
import { useSession } from "../../session/session.js";
import { hourLabel } from "../charts/hours.js";
import { ScrollRegion } from "../ScrollRegion.js";
import { serviceDayIn } from "./StaffingPanel.js";

/**
 * Appointments per slot, service by service and hour by hour: each hour's configured capacity beside
 * the one that keeps the forecast walk-ins within target (as the server works it out). A manager or
 * an admin applies the day's suggestions in one step; the server writes each hour's as an audited
 * change of the centre's slot capacity per hour. Viewers read the table only.
 */
export function CapacityPanel({
  centreId,
  timeZone,
  services,
  mayApply,
}: {
  centreId: string;
  timeZone: string;
  services: readonly Service[];
  mayApply: boolean;
}) {
  const { t, local } = useI18n();
  const { api } = useSession();
  const id = useId();
  const [date, setDate] = useState(() => serviceDayIn(timeZone));
  const [loaded, setLoaded] = useState<{ key: string; advice: AppointmentCapacityResponse } | null>(null);
  const [failure, setFailure] = useState<FailureCode | null>(null);
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState(false);
  const key = `${centreId}:${date}`;
  const fail = (error: unknown) => setFailure(error instanceof ApiError ? error.code : "NETWORK");

  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    let current = true;
    api.appointmentCapacity(centreId, date).then(
      (advice) => {
        if (!current) return;
        setLoaded({ key: `${centreId}:${date}`, advice });
        setFailure(null);
      },
      (error: unknown) => current && fail(error),
    );
    return () => {
      current = false;
    };
  }, [api, centreId, date]);

  const advice = loaded?.key === key ? loaded.advice : null;
  const nameOf = (serviceId: string) => {
    const service = services.find((s) => s.id === serviceId);
    return service ? local(service.name) : serviceId;
  };
  const hours = [...new Set(advice?.services.flatMap((s) => s.hours.map((h) => h.hour)) ?? [])].sort(
    (a, b) => a - b,
  );
  const pending =
    advice?.services.some((s) => s.hours.some((h) => h.configuredCapacity !== h.suggestedCapacity)) ?? false;

  const apply = () => {
    setApplying(true);
    api.applyAppointmentCapacity(centreId, date).then(
      (after) => {
        setLoaded({ key, advice: after });
        setApplied(true);
        setFailure(null);
        setApplying(false);
      },
      (error: unknown) => {
        fail(error);
        setApplying(false);
      },
    );
  };

  return (
    <section className="panel capacity" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.capacity.title}</h2>
      <p>
        <label htmlFor={`${id}-date`}>{t.staffing.date}</label>{" "}
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          onChange={(e) => {
            setDate(e.target.value);
            setApplied(false);
          }}
        />
      </p>
      <FailureAlert failure={failure} />
      {!advice ? (
        !failure && <p aria-busy="true">{t.app.loading}</p>
      ) : advice.services.length === 0 ? (
        <p>{t.capacity.none}</p>
      ) : (
        <>
          <p>{t.capacity.intro({ target: advice.targetWaitMinutes })}</p>
          <ScrollRegion label={t.capacity.table}>
            <table className="grid capacity-table">
              <caption className="visually-hidden">{t.capacity.table}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.capacity.service}</th>
                  <th scope="col">{t.capacity.configured}</th>
                  {hours.map((h) => (
                    <th key={h} scope="col">
                      {hourLabel(h)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {advice.services.map((s) => (
                  <tr key={s.serviceId} data-service={s.serviceId}>
                    <th scope="row">{nameOf(s.serviceId)}</th>
                    <td>{s.configuredCapacity}</td>
                    {hours.map((h) => {
                      const hour = s.hours.find((x) => x.hour === h);
                      if (!hour) return <td key={h}>–</td>;
                      const changed = hour.suggestedCapacity !== hour.configuredCapacity;
                      return (
                        <td key={h} className={changed ? "changed" : undefined}>
                          {changed
                            ? t.capacity.cell({
                                configured: hour.configuredCapacity,
                                suggested: hour.suggestedCapacity,
                              })
                            : hour.configuredCapacity}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {mayApply && (
            <p>
              <button
                type="button"
                className="button primary"
                disabled={applying || !pending}
                onClick={apply}
              >
                {t.capacity.apply}
              </button>{" "}
              {!pending && !applied && <span className="muted">{t.capacity.same}</span>}
            </p>
          )}
          {applied && <p role="status">{t.capacity.applied}</p>}
        </>
      )}
    </section>
  );
}
