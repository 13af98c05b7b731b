import type { Service } from "@dost/shared";
import { AudioModeButton } from "../audio/AudioMode.js";
import { spokenService } from "../audio/spoken.js";
import { formatWait } from "../i18n/format.js";
import { useI18n } from "../i18n/i18n.js";
import { CATEGORY_ORDER, type CategoryCode } from "../i18n/messages.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";

interface Group {
  category: CategoryCode | "other";
  services: Service[];
}

const isKnownCategory = (code: string): code is CategoryCode =>
  (CATEGORY_ORDER as readonly string[]).includes(code);

/** Services in the catalogue's category order; a category the kiosk does not know goes last. */
export function groupByCategory(services: Service[]): Group[] {
  const groups: Group[] = [...CATEGORY_ORDER, "other" as const].map((category) => ({
    category,
    services: [],
  }));
  for (const service of services) {
    const category = isKnownCategory(service.category) ? service.category : "other";
    groups.find((g) => g.category === category)?.services.push(service);
  }
  return groups.filter((g) => g.services.length > 0);
}

/**
 * Step 1: which service the visitor came for, with how long each queue is right now. A visitor
 * with an appointment checks in from the band at the foot of the screen, always in view.
 */
export function StartScreen(props: {
  services: Service[];
  offline: boolean;
  onChoose(service: Service): void;
  onCheckIn(): void;
}) {
  const { t, language } = useI18n();
  const groups = groupByCategory(props.services);
  return (
    <section className="start">
      <div className="screen-intro">
        <ScreenHeading>{t.startHeading}</ScreenHeading>
        <p className="lead">{t.startHint}</p>
        <AudioModeButton />
        {props.offline && (
          <p className="notice" role="status">
            {t.liveOffline}
          </p>
        )}
      </div>
      {groups.length === 0 && <p className="lead">{t.noServices}</p>}
      {groups.map((group) => {
        const headingId = `category-${group.category}`;
        return (
          <section key={group.category} className="category" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {group.category === "other" ? t.otherCategory : t.categories[group.category]}
            </h2>
            <ul className="service-grid">
              {group.services.map((service) => (
                <li key={service.id}>
                  <button
                    type="button"
                    className="service-button"
                    data-speak={spokenService(t, language, service)}
                    onClick={() => props.onChoose(service)}
                  >
                    <span className="service-name">{service.name[language]}</span>
                    <span className="service-figures">
                      <span>
                        {t.waitingLabel}: <strong>{service.waiting}</strong>
                      </span>
                      <span>
                        {t.estimatedWaitLabel}: <strong>{formatWait(t, service.estimatedWaitMinutes)}</strong>
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <div className="check-in-entry">
        <p>{t.checkIn.haveAppointmentHint}</p>
        <button type="button" className="button primary check-in-button" onClick={props.onCheckIn}>
          {t.checkIn.haveAppointment}
        </button>
      </div>
    </section>
  );
}
