import type { AdminService, OfferedService, User } from "@dost/shared";
import { useMemo, useState } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { useSession } from "../../session/session.js";
import { matchesSearch } from "../services/ServicesScreen.js";
import { FailureNote, Loading, useAction, useLoad } from "../ui.js";

/** One row of the offer as edited: empty strings mean "the catalogue's value". */
interface Row {
  offered: boolean;
  prefix: string;
  slotCapacity: string;
  targetWaitMinutes: string;
}

function rowsOf(catalogue: AdminService[], offer: OfferedService[]): Record<string, Row> {
  const rows: Record<string, Row> = {};
  for (const service of catalogue) {
    const offered = offer.find((o) => o.serviceId === service.id);
    rows[service.id] = {
      offered: Boolean(offered),
      prefix: offered && offered.prefix !== service.prefix ? offered.prefix : "",
      slotCapacity: offered?.slotCapacity != null ? String(offered.slotCapacity) : "",
      targetWaitMinutes: offered?.targetWaitMinutes != null ? String(offered.targetWaitMinutes) : "",
    };
  }
  return rows;
}

/** What a centre offers, with its own prefix, slot capacity and target wait where they differ. */
export function OfferScreen({ user, centreId }: { user: User; centreId: string }) {
  const { t, local } = useI18n();
  const { api } = useSession();
  const data = useLoad(
    async () => ({ catalogue: await api.admin.services(), offer: await api.admin.offer(centreId) }),
    centreId,
  );
  // The rows as edited; until the first edit, the server's offer as loaded.
  const [edited, setEdited] = useState<Record<string, Row> | null>(null);
  const [query, setQuery] = useState("");
  const [onlyOffered, setOnlyOffered] = useState(false);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const editable = user.role === "admin";

  const rows = useMemo(
    () => edited ?? (data.data ? rowsOf(data.data.catalogue, data.data.offer) : {}),
    [edited, data.data],
  );

  const shown = useMemo(
    () =>
      (data.data?.catalogue ?? []).filter(
        (s) => matchesSearch(s, query) && (!onlyOffered || rows[s.id]?.offered),
      ),
    [data.data, query, onlyOffered, rows],
  );

  if (!data.data) return <Loading failure={data.failure} />;

  const setRow = (id: string, change: Partial<Row>) => {
    setSaved(false);
    setEdited({ ...rows, [id]: { ...rows[id]!, ...change } });
  };

  async function save() {
    const services = Object.entries(rows)
      .filter(([, row]) => row.offered)
      .map(([serviceId, row]) => ({
        serviceId,
        ...(row.prefix ? { prefix: row.prefix } : {}),
        slotCapacity: row.slotCapacity === "" ? null : Number(row.slotCapacity),
        targetWaitMinutes: row.targetWaitMinutes === "" ? null : Number(row.targetWaitMinutes),
      }));
    if (await action.run(async () => void (await api.admin.putOffer(centreId, { services })))) setSaved(true);
  }

  const offeredCount = Object.values(rows).filter((r) => r.offered).length;
  return (
    <section aria-labelledby="offer-title">
      <h2 id="offer-title">{t.admin.view.offer}</h2>
      <p className="muted">{editable ? t.admin.offer.hint : t.admin.offer.readOnly}</p>
      <div className="admin-filters" role="search">
        <label>
          {t.admin.services.search}{" "}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={onlyOffered} onChange={(e) => setOnlyOffered(e.target.checked)} />{" "}
          {t.admin.offer.onlyOffered}
        </label>
      </div>
      <p role="status" className="muted small">
        {t.admin.offer.count({ count: offeredCount })}
      </p>
      <div className="admin-scroll" tabIndex={0} role="region" aria-label={t.admin.view.offer}>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.admin.offer.offered}</th>
              <th scope="col">{t.admin.services.nameColumn}</th>
              <th scope="col">{t.admin.offer.prefix}</th>
              <th scope="col">{t.admin.offer.slotCapacity}</th>
              <th scope="col">{t.admin.offer.target}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => {
              const row = rows[s.id];
              if (!row) return null;
              const name = local(s.name);
              return (
                <tr key={s.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t.admin.offer.offerNamed({ name })}
                      checked={row.offered}
                      disabled={!editable}
                      onChange={(e) => setRow(s.id, { offered: e.target.checked })}
                    />
                  </td>
                  <th scope="row">
                    {name} <span className="muted small">{s.code}</span>
                  </th>
                  <td>
                    <input
                      className="narrow-input"
                      aria-label={t.admin.offer.prefixNamed({ name, prefix: s.prefix })}
                      placeholder={s.prefix}
                      maxLength={3}
                      pattern="[A-Z]{1,3}"
                      value={row.prefix}
                      disabled={!editable || !row.offered}
                      onChange={(e) => setRow(s.id, { prefix: e.target.value.toUpperCase() })}
                    />
                  </td>
                  <td>
                    <input
                      className="narrow-input"
                      type="number"
                      min={0}
                      max={100}
                      aria-label={t.admin.offer.slotCapacityNamed({ name, value: s.slotCapacity })}
                      placeholder={String(s.slotCapacity)}
                      value={row.slotCapacity}
                      disabled={!editable || !row.offered}
                      onChange={(e) => setRow(s.id, { slotCapacity: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="narrow-input"
                      type="number"
                      min={1}
                      max={480}
                      aria-label={t.admin.offer.targetNamed({ name, value: s.targetWaitMinutes })}
                      placeholder={String(s.targetWaitMinutes)}
                      value={row.targetWaitMinutes}
                      disabled={!editable || !row.offered}
                      onChange={(e) => setRow(s.id, { targetWaitMinutes: e.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <FailureNote failure={action.failure} />
      {saved && (
        <p className="notice" role="status">
          {t.admin.offer.saved}
        </p>
      )}
      {editable && (
        <p className="form-actions">
          <button type="button" className="button primary" disabled={action.busy} onClick={() => void save()}>
            {t.admin.offer.save}
          </button>
        </p>
      )}
    </section>
  );
}
