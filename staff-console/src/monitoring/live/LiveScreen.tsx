import type { Centre } from "@dost/shared";
import { FailureAlert } from "../../desk/FailureAlert.js";
import { useI18n } from "../../i18n/i18n.js";
import { AlertTray } from "../alerts/AlertTray.js";
import { COUNTRY_TIMEZONE } from "../figures.js";
import { CapacityPanel } from "../staffing/CapacityPanel.js";
import { StaffingPanel } from "../staffing/StaffingPanel.js";
import { LiveDashboard } from "./LiveDashboard.js";
import { useLiveStats } from "./useLiveStats.js";

/**
 * The centre dashboard, kept live; `subscribe` for an admin or viewer, whose socket joins no centre
 * by itself. `mayConfigure`: a manager or admin, who may apply the appointment-capacity advice.
 */
export function LiveScreen({
  centreId,
  centre,
  subscribe,
  mayConfigure = false,
}: {
  centreId: string;
  centre: Centre | null;
  subscribe: boolean;
  mayConfigure?: boolean;
}) {
  const { t, local } = useI18n();
  const { stats, services, failure, online } = useLiveStats(centreId, subscribe);
  return (
    <>
      <h1>{t.live.title({ centre: centre ? local(centre.name) : "" })}</h1>
      {!online && (
        <p className="banner offline" role="status">
          {t.desk.offline}
        </p>
      )}
      <FailureAlert failure={failure} />
      <AlertTray
        centreId={centreId}
        services={services}
        timeZone={centre?.timezone ?? COUNTRY_TIMEZONE}
        subscribe={subscribe}
      />
      {stats ? (
        <LiveDashboard stats={stats} services={services} timeZone={centre?.timezone ?? COUNTRY_TIMEZONE} />
      ) : (
        <p aria-busy="true">{t.app.loading}</p>
      )}
      <StaffingPanel centreId={centreId} timeZone={centre?.timezone ?? COUNTRY_TIMEZONE} />
      <CapacityPanel
        centreId={centreId}
        timeZone={centre?.timezone ?? COUNTRY_TIMEZONE}
        services={services}
        mayApply={mayConfigure}
      />
    </>
  );
}
