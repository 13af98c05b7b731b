import type { LiveStats, NationalStats, Report, ReportFigures, Service } from "@dost/shared";

/** Hand-made figures for the monitoring screens' component tests, valid against the shared schemas. */

export const CENTRE_ID = "0f3c1b7e-4c2a-4d7b-9d55-1a2b3c4d5e6f";
export const PENSIONS = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
export const EMPLOYMENT = "9b2f6a8e-1c3d-4e5f-8a7b-6c5d4e3f2a1b";

export function aService(id: string, prefix: string, en: string, targetWaitMinutes = 15): Service {
  return {
    id,
    code: en.toLowerCase(),
    prefix,
    name: { az: `${en} (az)`, ru: `${en} (ru)`, en },
    category: "social",
    appointmentEnabled: false,
    targetWaitMinutes,
    waiting: 0,
    estimatedWaitMinutes: 0,
  };
}

export const SERVICES = [
  aService(PENSIONS, "A", "Pensions", 15),
  aService(EMPLOYMENT, "E", "Employment", 10),
];

type ServiceFigures = LiveStats["services"][number];
type CounterFigures = LiveStats["counters"][number];

export function serviceFigures(overrides: Partial<ServiceFigures> = {}): ServiceFigures {
  return {
    serviceId: PENSIONS,
    waiting: 3,
    longestWaitSeconds: 300,
    averageWaitSecondsToday: 247,
    servedToday: 12,
    slaPercentToday: 87.5,
    targetWaitMinutes: 15,
    overTarget: false,
    satisfactionPercentToday: 90,
    feedbackCountToday: 10,
    ...overrides,
  };
}

let counterNumber = 0;
export function counterFigures(overrides: Partial<CounterFigures> = {}): CounterFigures {
  counterNumber += 1;
  const hex = counterNumber.toString(16).padStart(12, "0");
  return {
    id: `c0000000-0000-4000-8000-${hex}`,
    label: String(counterNumber),
    zone: "main",
    status: "open",
    breakReason: null,
    user: { id: `d0000000-0000-4000-8000-${hex}`, username: "staff", displayName: "Aysel Məmmədova" },
    currentTicket: null,
    servedToday: 4,
    idleSeconds: 60,
    ...overrides,
  };
}

export function liveStats(overrides: Partial<LiveStats> = {}, generatedAt = new Date()): LiveStats {
  return {
    centreId: CENTRE_ID,
    generatedAt: generatedAt.toISOString(),
    services: [serviceFigures()],
    counters: [],
    hours: [
      { hour: 9, issued: 14, served: 10, averageWaitSeconds: 420 },
      { hour: 11, issued: 22, served: 18, averageWaitSeconds: 610 },
    ],
    accuracyToday: {
      quotedCount: 30,
      insideBandPercent: 83.3,
      medianAbsoluteErrorMinutes: 1.5,
      underEstimatedPercent: 6.7,
    },
    fairnessToday: {
      ordinary: {
        priority: "none",
        count: 26,
        meanWaitMinutes: 12.4,
        p90WaitMinutes: 21,
        ofOrdinaryMean: 1,
        longestWaitMinutes: 27.5,
      },
      groups: [
        { priority: "veteran", count: 3, meanWaitMinutes: 4.1, p90WaitMinutes: 6.2, ofOrdinaryMean: 0.33 },
        { priority: "elderly", count: 1, meanWaitMinutes: 7, p90WaitMinutes: 7, ofOrdinaryMean: 0.56 },
      ],
    },
    ...overrides,
  };
}

let centreNumber = 0;
export function centreFigures(
  code: string,
  en: string,
  overrides: Partial<NationalStats["centres"][number]> = {},
): NationalStats["centres"][number] {
  centreNumber += 1;
  return {
    centreId: `e0000000-0000-4000-8000-${centreNumber.toString(16).padStart(12, "0")}`,
    code,
    name: { az: `${en} az`, ru: `${en} ru`, en },
    waiting: 0,
    longestWaitSeconds: 0,
    averageWaitSecondsToday: null,
    servedToday: 0,
    slaPercentToday: null,
    openCounters: 0,
    servicesOverTarget: 0,
    satisfactionPercentToday: null,
    feedbackCountToday: 0,
    ...overrides,
  };
}

export function figures(overrides: Partial<ReportFigures> = {}): ReportFigures {
  return {
    issued: 40,
    called: 38,
    served: 35,
    noShows: 2,
    cancelled: 1,
    expired: 0,
    averageWaitSeconds: 427,
    medianWaitSeconds: 360,
    p90WaitSeconds: 905,
    averageServiceSeconds: 312,
    slaPercent: 91.2,
    appointmentsKept: 3,
    appointmentsMissed: 1,
    waitBins: [10, 12, 8, 4, 2, 1, 1, 0, 0, 0, 0],
    satisfactionPercent: 95.2,
    feedbackCount: 21,
    quotedCount: 36,
    insideBandPercent: 80.6,
    medianAbsoluteErrorMinutes: 1.8,
    underEstimatedPercent: 8.3,
    ...overrides,
  };
}

export function aReport(
  groupBy: Report["groupBy"],
  rows: Report["rows"],
  overrides: Partial<Report> = {},
): Report {
  return {
    centreId: CENTRE_ID,
    from: "2025-03-01",
    to: "2025-03-07",
    groupBy,
    rows,
    totals: figures({ issued: rows.reduce((a, r) => a + r.issued, 0) }),
    ...overrides,
  };
}
