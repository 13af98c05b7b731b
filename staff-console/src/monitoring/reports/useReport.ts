import type { Language, Report } from "@dost/shared";
import { useEffect, useState } from "react";
import type { ReportRequest } from "../../api/console-api.js";
import { ApiError, type FailureCode } from "@dost/shared/client";
import { useSession } from "../../session/session.js";

export interface ReportSet {
  /** Grouped as asked: the table and the distribution of waits. */
  main: Report;
  /** By hour of day, for the wait-by-hour chart. */
  byHour: Report;
  /** Arrivals against served: by day over a period, by hour for a single day. */
  trend: Report;
}

type Loaded = { key: string; set: ReportSet | null; failure: FailureCode | null };

/**
 * The report the form describes and the two groupings its charts need, fetched together. Each
 * change of the form asks again; an answer to an older question is dropped when it lands late.
 */
export function useReport(
  request: ReportRequest | null,
  language: Language,
): { set: ReportSet | null; failure: FailureCode | null; loading: boolean } {
  const { api } = useSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = request
    ? JSON.stringify([request.centreId, request.from, request.to, request.groupBy, language])
    : null;
  // Primitive dependencies, so a form re-rendered with the same choices does not fetch again.
  const centreId = request?.centreId ?? null;
  const from = request?.from ?? "";
  const to = request?.to ?? "";
  const groupBy = request?.groupBy ?? "day";

  useEffect(() => {
    if (key === null) return;
    let current = true;
    const asked: ReportRequest = { centreId, from, to, groupBy };
    const main = api.report(asked, language);
    const also = (group: ReportRequest["groupBy"]) =>
      group === groupBy ? main : api.report({ ...asked, groupBy: group }, language);
    Promise.all([main, also("hour"), also(from === to ? "hour" : "day")]).then(
      ([mainReport, byHour, trend]) => {
        if (current) setLoaded({ key, set: { main: mainReport, byHour, trend }, failure: null });
      },
      (error: unknown) => {
        if (current)
          setLoaded({ key, set: null, failure: error instanceof ApiError ? error.code : "NETWORK" });
      },
    );
    return () => {
      current = false;
    };
  }, [api, key, centreId, from, to, groupBy, language]);

  const fresh = loaded !== null && loaded.key === key;
  return {
    // The last figures stay on screen, marked busy, while the next ones load.
    set: loaded?.set ?? null,
    failure: fresh ? loaded.failure : null,
    loading: key !== null && !fresh,
  };
}
