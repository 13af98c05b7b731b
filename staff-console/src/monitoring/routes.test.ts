import { describe, expect, it } from "vitest";
import { centreDashboardUrl, centreInAddress, pageOf } from "./routes.js";

describe("pageOf", () => {
  it("tells the monitoring screens from the desk", () => {
    expect(pageOf("/console/")).toEqual({ page: "desk" });
    expect(pageOf("/console/monitoring")).toEqual({ page: "monitoring", view: "live" });
    expect(pageOf("/console/monitoring/")).toEqual({ page: "monitoring", view: "live" });
    expect(pageOf("/console/monitoring/national")).toEqual({ page: "monitoring", view: "national" });
    expect(pageOf("/console/monitoring/reports/")).toEqual({ page: "monitoring", view: "reports" });
    expect(pageOf("/console/monitoring/unknown")).toEqual({ page: "desk" });
  });

  it("carries a centre from the national view to its dashboard", () => {
    const url = new URL(centreDashboardUrl("0f3c1b7e-4c2a-4d7b-9d55-1a2b3c4d5e6f"), "http://x");
    expect(url.pathname).toBe("/console/monitoring");
    expect(centreInAddress(url.search)).toBe("0f3c1b7e-4c2a-4d7b-9d55-1a2b3c4d5e6f");
  });
});
