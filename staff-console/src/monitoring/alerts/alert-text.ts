import type { Alert, AlertSuggestion, Service } from "@dost/shared";
import type { I18n } from "../../i18n/i18n.js";

type Words = Pick<I18n, "t" | "local">;

const minutes = (seconds: number) => Math.round(seconds / 60);

/** A service as the hall knows it: its name and its ticket letter ("Pensions (E)"). */
function serviceName(words: Words, services: Service[], serviceId: string | undefined): string {
  const service = serviceId ? services.find((s) => s.id === serviceId) : undefined;
  if (!service) return words.t.alerts.anyService;
  return `${words.local(service.name)} (${service.prefix})`;
}

/** What is wrong, in one line. */
export function alertTitle(words: Words, services: Service[], alert: Alert): string {
  const { t } = words;
  const service = serviceName(words, services, alert.serviceId);
  switch (alert.kind) {
    case "wait_over_target":
      return (
        alert.severity === "warning" ? t.alerts.kind.wait_over_target_warning : t.alerts.kind.wait_over_target
      )({ service });
    case "queue_surge":
      return t.alerts.kind.queue_surge({ service });
    case "counter_idle":
      return t.alerts.kind.counter_idle({ counter: alert.details.counterLabel });
    case "visit_overlong":
      return t.alerts.kind.visit_overlong({ counter: alert.details.counterLabel });
    case "service_uncovered":
      return t.alerts.kind.service_uncovered({ service });
    case "printer_problem":
      return t.alerts.kind.printer_problem({ device: alert.details.deviceName });
  }
}

/** The figures behind it. */
export function alertDetail(words: Words, services: Service[], alert: Alert): string {
  const { t } = words;
  switch (alert.kind) {
    case "wait_over_target":
      return t.alerts.detail.wait_over_target({
        waiting: alert.details.waiting,
        longest: minutes(alert.details.longestWaitSeconds),
        target: minutes(alert.details.targetWaitSeconds),
      });
    case "queue_surge":
      return t.alerts.detail.queue_surge({
        arrivals: alert.details.arrivalsThisHour,
        expected: Math.round(alert.details.expectedSoFar),
      });
    case "counter_idle":
      return t.alerts.detail.counter_idle({
        minutes: minutes(alert.details.idleSeconds),
        waiting: alert.details.waiting,
      });
    case "visit_overlong":
      return t.alerts.detail.visit_overlong({
        minutes: minutes(alert.details.elapsedSeconds),
        usual: minutes(alert.details.usualSeconds),
      });
    case "service_uncovered":
      return t.alerts.detail.service_uncovered({
        waiting: alert.details.waiting,
        longest: minutes(alert.details.longestWaitSeconds),
      });
    case "printer_problem":
      return t.alerts.printer[alert.details.problem];
  }
}

/** What the manager could do about it, in plain words ("Open counter 7 for Pensions (E)"). */
export function suggestionText(words: Words, services: Service[], suggestion: AlertSuggestion): string {
  const { t } = words;
  switch (suggestion.action) {
    case "open_counter":
    case "add_service_to_counter":
    case "end_break":
    case "call_next":
      return t.alerts.do[suggestion.action]({
        counter: suggestion.counterLabel,
        service: serviceName(words, services, suggestion.serviceId),
      });
    case "check_counter":
      return t.alerts.do.check_counter({ counter: suggestion.counterLabel });
    case "review_staffing":
      return t.alerts.do.review_staffing;
  }
}
