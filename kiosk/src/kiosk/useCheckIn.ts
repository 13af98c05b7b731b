import type { Centre, Service } from "@dost/shared";
import { useRef, type Dispatch, type SetStateAction } from "react";
import { checkIn } from "../api/appointments.js";
import { ApiError } from "@dost/shared/client";
import { fetchServices, refusalOf } from "../api/client.js";
import type { CheckInProblemKind } from "../checkin/CheckInProblem.js";
import type { Visit } from "./visit.js";

function problemOf(error: unknown): CheckInProblemKind {
  if (!(error instanceof ApiError) || error.failure === "unreachable") return "unreachable";
  return error.code === "CONFLICT" ? "conflict" : "not-found";
}

/**
 * Checks a visitor in by their booking code; the ticket they get is shown and printed like any
 * other. Checking in twice returns the same ticket, so a retry after a lost answer is safe.
 */
export function useCheckIn(props: {
  deviceKey: string;
  centre: Centre;
  /** The services the start screen already has; the ticket's service is looked up among them. */
  services: Service[] | null;
  setVisit: Dispatch<SetStateAction<Visit>>;
  onRefused(): void;
}) {
  const { deviceKey, centre, services, setVisit, onRefused } = props;
  // A ref, not state: two taps in the same frame both see the state before either re-render.
  const inFlight = useRef(false);

  const serviceOf = async (serviceId: string): Promise<Service> => {
    const known = services?.find((s) => s.id === serviceId);
    if (known) return known;
    const fresh = (await fetchServices(centre.id)).find((s) => s.id === serviceId);
    if (!fresh) throw ApiError.unreachable("the ticket's service is not in the catalogue");
    return fresh;
  };

  return (code: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setVisit({ step: "checking-in", code });
    const stillThis = (v: Visit) => v.step === "checking-in" && v.code === code;
    checkIn(deviceKey, centre.id, code)
      .then(async (ticket) => ({ ticket, service: await serviceOf(ticket.serviceId) }))
      .then(({ ticket, service }) =>
        setVisit((v) => (stillThis(v) ? { step: "ticket", service, ticket } : v)),
      )
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.failure === "unauthenticated") return onRefused();
        const refusal = error instanceof ApiError ? refusalOf(error) : undefined;
        const problem = problemOf(error);
        setVisit((v) => (stillThis(v) ? { step: "check-in-failed", code, problem, refusal } : v));
      })
      .finally(() => {
        inFlight.current = false;
      });
  };
}
