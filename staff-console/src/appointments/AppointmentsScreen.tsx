import {
  serviceDay,
  type Appointment,
  type AppointmentStatus,
  type Centre,
  type Service,
} from "@dost/shared";
import { useState } from "react";
import { serverNow } from "../api/server-clock.js";
import { FailureAlert } from "../desk/FailureAlert.js";
import { useI18n, type LabelWith } from "../i18n/i18n.js";
import { COUNTRY_TIMEZONE, NO_FIGURE, formatCount, formatDay } from "../monitoring/figures.js";
import { formatClock } from "../ui/format.js";
import { APPOINTMENT_STATES, dateInAddress, formatAppointmentCode, isDay } from "./route.js";
import { useAppointments } from "./useAppointments.js";

const STATE_COUNTS: Record<AppointmentStatus, LabelWith<"count">> = {
  booked: (t) => t.appointments.count.booked,
  checked_in: (t) => t.appointments.count.checked_in,
  cancelled: (t) => t.appointments.count.cancelled,
  no_show: (t) => t.appointments.count.no_show,
};

/** Keeps the day in the address, so a reload or a shared link shows the same day. */
function rememberDay(day: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set("date", day);
  window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
}

/**
 * The centre's appointments of a day (today in the centre's timezone unless the address or the
 * date field says otherwise), with each one's check-in state in words and the counts per state.
 */
export function AppointmentsScreen({
  centreId,
  centre,
  subscribe,
}: {
  centreId: string;
  centre: Centre | null;
  /** An admin's socket joins no centre by itself. */
  subscribe: boolean;
}) {
  const { t, local } = useI18n();
  const timeZone = centre?.timezone ?? COUNTRY_TIMEZONE;
  const today = () => serviceDay(new Date(serverNow()), timeZone);
  const [draft, setDraft] = useState(() => dateInAddress(window.location.search) ?? today());
  const [date, setDate] = useState(draft);
  const data = useAppointments(centreId, date, subscribe);

  function choose(value: string) {
    setDraft(value);
    // An emptied or half-typed field asks nothing; the last day stays on screen.
    if (!isDay(value)) return;
    setDate(value);
    rememberDay(value);
  }

  return (
    <main id="main" className="page appointments">
      <h1>{t.appointments.title({ centre: centre ? local(centre.name) : "" })}</h1>
      <div className="row appointment-day">
        <label className="stack">
          <span className="field-label">{t.appointments.date}</span>
          <input type="date" value={draft} onChange={(e) => choose(e.target.value)} />
        </label>
        <button
          type="button"
          className="button"
          aria-pressed={date === today()}
          onClick={() => choose(today())}
        >
          {t.appointments.today}
        </button>
      </div>
      {!data.online && (
        <p className="banner offline" role="status">
          {t.desk.offline}
        </p>
      )}
      <FailureAlert failure={data.failure} />
      {data.day === null ? (
        data.failure === null && <p aria-busy="true">{t.app.loading}</p>
      ) : (
        <AppointmentList
          day={data.day}
          appointments={data.appointments}
          services={data.services}
          timeZone={timeZone}
          loading={data.loading}
        />
      )}
    </main>
  );
}

function AppointmentList({
  day,
  appointments,
  services,
  timeZone,
  loading,
}: {
  day: string;
  appointments: Appointment[];
  services: Service[];
  timeZone: string;
  loading: boolean;
}) {
  const { t, local, language } = useI18n();
  const rows = [...appointments].sort(
    (a, b) => a.start.localeCompare(b.start) || a.code.localeCompare(b.code),
  );
  const caption = t.appointments.caption({ day: formatDay(day, language) });
  const time = (iso: string) => formatClock(iso, language, timeZone);

  function state(a: Appointment): string {
    if (a.status === "checked_in")
      return a.checkedInAt
        ? t.appointments.state.checkedInAt({ time: time(a.checkedInAt) })
        : t.appointments.state.checked_in;
    return t.appointments.state[a.status];
  }

  return (
    <section className="panel" aria-labelledby="appointments-day" aria-busy={loading}>
      <h2 id="appointments-day">{caption}</h2>
      <ul className="appointment-counts" aria-label={t.appointments.counts}>
        <li data-count="all">{t.appointments.count.all({ count: formatCount(rows.length, language) })}</li>
        {APPOINTMENT_STATES.map((s) => (
          <li key={s} data-count={s}>
            {STATE_COUNTS[s](t)({ count: formatCount(rows.filter((a) => a.status === s).length, language) })}
          </li>
        ))}
      </ul>
      {rows.length === 0 ? (
        <p className="muted">{t.appointments.none}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
          <table className="grid appointments-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.appointments.time}</th>
                <th scope="col">{t.appointments.code}</th>
                <th scope="col">{t.appointments.service}</th>
                <th scope="col">{t.appointments.citizen}</th>
                <th scope="col">{t.appointments.phone}</th>
                <th scope="col">{t.appointments.stateColumn}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => {
                const service = services.find((s) => s.id === a.serviceId);
                return (
                  <tr key={a.id} data-code={a.code} className={`appointment-${a.status}`}>
                    <td>{time(a.start)}</td>
                    <th scope="row" className="code">
                      {formatAppointmentCode(a.code)}
                    </th>
                    <td>{service ? local(service.name) : NO_FIGURE}</td>
                    <td>{a.citizen?.name ?? NO_FIGURE}</td>
                    <td className="phone">{a.citizen?.phone ?? NO_FIGURE}</td>
                    <td data-testid="appointment-state" data-state={a.status}>
                      {state(a)}
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
