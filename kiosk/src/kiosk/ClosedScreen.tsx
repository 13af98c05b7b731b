import type { Issuing } from "@dost/shared";
import { useI18n } from "../i18n/i18n.js";
import { openingDay, openingTime } from "../i18n/opening.js";
import { ScreenHeading } from "../ui/ScreenHeading.js";

/**
 * Outside the hours kiosks issue in, instead of the service list: closed, and when it opens, in the
 * centre's timezone. A visitor with an appointment may still check in from the band at the foot.
 */
export function ClosedScreen(props: { issuing: Issuing; timeZone: string; onCheckIn(): void }) {
  const { t } = useI18n();
  const { opensAt } = props.issuing;
  const opens = opensAt ? new Date(opensAt) : null;
  return (
    <section className="start closed">
      <div className="screen-intro">
        <ScreenHeading>{t.closedHeading}</ScreenHeading>
        <p className="lead">
          {opens
            ? t.opensAt(openingDay(opens, new Date(), props.timeZone), openingTime(opens, props.timeZone))
            : t.closedNoOpening}
        </p>
      </div>
      <div className="check-in-entry">
        <p>{t.checkIn.haveAppointmentHint}</p>
        <button type="button" className="button primary check-in-button" onClick={props.onCheckIn}>
          {t.checkIn.haveAppointment}
        </button>
      </div>
    </section>
  );
}
