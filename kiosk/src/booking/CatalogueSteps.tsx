import type { Centre, Service } from "@dost/shared";
import { fetchCentres } from "../api/appointments.js";
import { fetchServices } from "../api/client.js";
import { useLoad } from "../api/useLoad.js";
import { useI18n } from "../i18n/i18n.js";
import { groupByCategory } from "../kiosk/StartScreen.js";
import { Loading } from "../ui/Loading.js";
import { ProblemPanel } from "../ui/ProblemPanel.js";

/** Step 1: which centre. */
export function CentreChoice({ onChoose }: { onChoose(centre: Centre): void }) {
  const { t, language } = useI18n();
  const centres = useLoad("centres", fetchCentres);
  if (centres.status === "loading") return <Loading />;
  if (centres.status === "failed")
    return <ProblemPanel title={t.unreachableTitle} text={t.unreachableText} onRetry={centres.retry} />;
  return (
    <ul className="choice-list">
      {centres.data.map((centre) => (
        <li key={centre.id}>
          <button type="button" className="choice-button" onClick={() => onChoose(centre)}>
            {centre.name[language]}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Step 2: which service, among those of the centre that take appointments, by category. */
export function ServiceChoice({ centre, onChoose }: { centre: Centre; onChoose(service: Service): void }) {
  const { t, language } = useI18n();
  const services = useLoad(`services/${centre.id}`, () => fetchServices(centre.id));
  if (services.status === "loading") return <Loading />;
  if (services.status === "failed")
    return <ProblemPanel title={t.unreachableTitle} text={t.unreachableText} onRetry={services.retry} />;
  const groups = groupByCategory(services.data.filter((s) => s.appointmentEnabled));
  if (groups.length === 0) return <p className="notice">{t.booking.noBookableServices}</p>;
  return (
    <>
      <p className="lead">{t.booking.serviceHint}</p>
      {groups.map((group) => {
        const headingId = `booking-category-${group.category}`;
        return (
          <section key={group.category} className="choice-group" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {group.category === "other" ? t.otherCategory : t.categories[group.category]}
            </h2>
            <ul className="choice-list">
              {group.services.map((service) => (
                <li key={service.id}>
                  <button type="button" className="choice-button" onClick={() => onChoose(service)}>
                    {service.name[language]}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
