/** The monitoring screens, each at an address of its own so it can be bookmarked and linked. */
export type MonitoringView = "live" | "national" | "reports";

export const MONITORING_PATHS: Record<MonitoringView, string> = {
  live: "/console/monitoring",
  national: "/console/monitoring/national",
  reports: "/console/monitoring/reports",
};

/** Which console page a path shows; anything outside monitoring is the counter desk. */
export function pageOf(pathname: string): { page: "desk" } | { page: "monitoring"; view: MonitoringView } {
  const match = /\/monitoring(?:\/(national|reports))?\/?$/.exec(pathname);
  if (!match) return { page: "desk" };
  const view = match[1] === "national" || match[1] === "reports" ? match[1] : "live";
  return { page: "monitoring", view };
}

/** The national view opens a centre's dashboard with this link; the admin's choice follows it. */
export const centreDashboardUrl = (centreId: string): string =>
  `${MONITORING_PATHS.live}?centre=${encodeURIComponent(centreId)}`;

export function centreInAddress(search: string): string | null {
  return new URLSearchParams(search).get("centre");
}
