import type { Appointment, Service } from "@dost/shared";
import { useEffect, useRef, useState } from "react";
import { ApiError, type FailureCode } from "@dost/shared/client";
import { useLiveRefresh } from "../realtime/useLiveRefresh.js";
import { useSession } from "../session/session.js";

/** A check-in emits several events at once; this gathers a burst into one fetch. */
export const APPOINTMENTS_DEBOUNCE_MS = 300;
/** A backstop under the events: bookings and cancellations by citizens emit none to staff. */
export const APPOINTMENTS_POLL_MS = 60_000;

export interface AppointmentsData {
  /** The day the list shows, or null before its first answer. */
  day: string | null;
  appointments: Appointment[];
  services: Service[];
  failure: FailureCode | null;
  loading: boolean;
  online: boolean;
}

/**
 * A centre's appointments of `date` as the server has them: fetched again after every event of the
 * centre (debounced), rebuilt on every (re)connect, polled every minute, and at once when the day
 * changes. An answer for a day no longer asked for is dropped.
 */
export function useAppointments(centreId: string, date: string | null, subscribe: boolean): AppointmentsData {
  const { api } = useSession();
  const [list, setList] = useState<{ day: string; appointments: Appointment[] } | null>(null);
  const [services, setServices] = useState<Service[]>([]);
  const [failure, setFailure] = useState<FailureCode | null>(null);
  const catalogDue = useRef(true);
  const wanted = useRef(date);

  const live = useLiveRefresh({
    centreId,
    subscribe,
    debounceMs: APPOINTMENTS_DEBOUNCE_MS,
    pollMs: APPOINTMENTS_POLL_MS,
    // The day's effect below loads first, once it knows the day.
    loadOnStart: false,
    onResync: () => (catalogDue.current = true),
    load: async () => {
      const day = wanted.current;
      if (day === null) return;
      try {
        const [catalog, appointments] = await Promise.all([
          catalogDue.current ? api.services(centreId) : Promise.resolve(null),
          api.appointments(centreId, day),
        ]);
        if (catalog) {
          catalogDue.current = false;
          setServices(catalog);
        }
        if (wanted.current !== day) return;
        setList({ day, appointments });
        setFailure(null);
      } catch (error) {
        if (wanted.current === day) setFailure(error instanceof ApiError ? error.code : "NETWORK");
      }
    },
  });
  const { online, now } = live;

  useEffect(() => {
    wanted.current = date;
    now();
  }, [date, centreId, now]);

  return {
    day: list?.day ?? null,
    appointments: list?.appointments ?? [],
    services,
    failure,
    loading: date !== null && list?.day !== date,
    online,
  };
}
