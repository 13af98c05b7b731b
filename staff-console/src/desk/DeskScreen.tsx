import type { User } from "@dost/shared";
import { useI18n } from "../i18n/i18n.js";
import { OpenCounterScreen } from "../open-counter/OpenCounterScreen.js";
import { writeLastChoice } from "../open-counter/last-profile.js";
import { useSession } from "../session/session.js";
import { CounterDesk } from "./CounterDesk.js";
import { FailureAlert } from "./FailureAlert.js";
import { useCentreData } from "./useCentreData.js";
import { useCommands } from "./useCommands.js";

/**
 * Counter work at one centre. Which screen shows follows the server: if this user staffs a
 * counter there, its desk; otherwise the choice of a counter. So after a reload or a new sign-in
 * the employee is back exactly where the server says they are.
 */
export function DeskScreen({
  user,
  centreId,
  timeZone,
  lastServiceIds,
}: {
  user: User;
  centreId: string;
  timeZone: string;
  lastServiceIds: string[] | null;
}) {
  const { t } = useI18n();
  const { api, rememberProfile } = useSession();
  // An admin belongs to no centre, so its socket asks to watch this one.
  const data = useCentreData(centreId, user.centreId !== centreId);
  const opening = useCommands(data.refresh);
  const { snapshot } = data;

  const offline = !data.online && (
    <p className="banner offline" role="status">
      {t.desk.offline}
    </p>
  );

  if (!snapshot) {
    return (
      <main id="main" className="page">
        {offline}
        <FailureAlert failure={data.failure} />
        <p aria-busy="true">{t.app.loading}</p>
      </main>
    );
  }

  const own = snapshot.counters.find((c) => c.user?.id === user.id);
  return (
    <main id="main" className="page">
      {offline}
      <FailureAlert failure={data.failure ?? opening.failure} />
      {own ? (
        <CounterDesk
          key={own.id}
          userId={user.id}
          counter={own}
          services={snapshot.services}
          waiting={snapshot.waiting}
          timeZone={timeZone}
          refresh={data.refresh}
          applyTicket={data.applyTicket}
          patchCounter={data.patchCounter}
        />
      ) : (
        <OpenCounterScreen
          user={user}
          counters={snapshot.counters}
          services={snapshot.services}
          lastServiceIds={lastServiceIds}
          busy={opening.busy}
          onOpen={(counterId, serviceIds) => {
            writeLastChoice(user.id, { counterId, serviceIds });
            void opening
              .run(() => api.openCounter(counterId, serviceIds))
              .then((outcome) => {
                if (outcome.ok) rememberProfile(serviceIds);
              });
          }}
        />
      )}
    </main>
  );
}
