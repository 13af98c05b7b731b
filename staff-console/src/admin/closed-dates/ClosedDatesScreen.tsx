import type { User } from "@dost/shared";
import { useI18n } from "../../i18n/i18n.js";
import { useSession } from "../../session/session.js";
import { Loading, useLoad } from "../ui.js";
import { DatesEditor } from "./DatesEditor.js";

/** The centre's own closed days, and (for the ministry) the national holidays every centre keeps. */
export function ClosedDatesScreen({ user, centreId }: { user: User; centreId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const isAdmin = user.role === "admin";
  const own = useLoad(() => api.admin.closedDates(centreId), centreId);
  const holidays = useLoad(() => (isAdmin ? api.admin.holidays() : Promise.resolve([])), "holidays");
  return (
    <>
      {own.data ? (
        <DatesEditor
          title={t.admin.dates.centreTitle}
          initial={own.data}
          save={(dates) => api.admin.putClosedDates(centreId, dates)}
        />
      ) : (
        <Loading failure={own.failure} />
      )}
      {isAdmin &&
        (holidays.data ? (
          <DatesEditor
            title={t.admin.dates.holidaysTitle}
            initial={holidays.data}
            save={(dates) => api.admin.putHolidays(dates)}
            importable
          />
        ) : (
          <Loading failure={holidays.failure} />
        ))}
    </>
  );
}
