import type { Language, Report, ReportFigures } from "@dost/shared";

const HEADERS: Record<Language, Record<keyof Omit<ReportFigures, "waitBins"> | "label", string>> = {
  az: {
    label: "Qrup",
    issued: "Verilmiş biletlər",
    called: "Çağırılmış",
    served: "Xidmət göstərilmiş",
    noShows: "Gəlməyənlər",
    cancelled: "Ləğv edilmiş",
    expired: "Vaxtı keçmiş",
    averageWaitSeconds: "Orta gözləmə (san.)",
    medianWaitSeconds: "Median gözləmə (san.)",
    p90WaitSeconds: "90-cı faiz gözləmə (san.)",
    averageServiceSeconds: "Orta xidmət (san.)",
    slaPercent: "Hədəf daxilində (%)",
    appointmentsKept: "Gəlinmiş qəbullar",
    appointmentsMissed: "Buraxılmış qəbullar",
    quotedCount: "Təxmin verilmiş çağırılanlar",
    insideBandPercent: "Təxmin aralığında çağırılan (%)",
    medianAbsoluteErrorMinutes: "Təxminin median xətası (dəq.)",
    underEstimatedPercent: "Təxmindən 5+ dəq. çox gözləyənlər (%)",
    satisfactionPercent: "Məmnunluq (%)",
    feedbackCount: "Qiymətləndirmələr",
  },
  ru: {
    label: "Группа",
    issued: "Выдано талонов",
    called: "Вызвано",
    served: "Обслужено",
    noShows: "Не явились",
    cancelled: "Отменено",
    expired: "Истекло",
    averageWaitSeconds: "Среднее ожидание (с)",
    medianWaitSeconds: "Медиана ожидания (с)",
    p90WaitSeconds: "90-й процентиль ожидания (с)",
    averageServiceSeconds: "Среднее обслуживание (с)",
    slaPercent: "В пределах цели (%)",
    appointmentsKept: "Записи: пришли",
    appointmentsMissed: "Записи: не пришли",
    quotedCount: "Вызвано с прогнозом",
    insideBandPercent: "Вызваны в пределах прогноза (%)",
    medianAbsoluteErrorMinutes: "Медианная ошибка прогноза (мин)",
    underEstimatedPercent: "Ждали дольше прогноза на 5+ мин (%)",
    satisfactionPercent: "Удовлетворённость (%)",
    feedbackCount: "Оценок",
  },
  en: {
    label: "Group",
    issued: "Tickets issued",
    called: "Called",
    served: "Served",
    noShows: "No-shows",
    cancelled: "Cancelled",
    expired: "Expired",
    averageWaitSeconds: "Average wait (s)",
    medianWaitSeconds: "Median wait (s)",
    p90WaitSeconds: "90th percentile wait (s)",
    averageServiceSeconds: "Average service (s)",
    slaPercent: "Within target (%)",
    appointmentsKept: "Appointments kept",
    appointmentsMissed: "Appointments missed",
    quotedCount: "Called with a quote",
    insideBandPercent: "Called inside quoted range (%)",
    medianAbsoluteErrorMinutes: "Median quote error (min)",
    underEstimatedPercent: "Waited 5+ min longer than quoted (%)",
    satisfactionPercent: "Satisfaction (%)",
    feedbackCount: "Ratings",
  },
};

const TOTAL: Record<Language, string> = { az: "Cəmi", ru: "Итого", en: "Total" };

const COLUMNS = Object.keys(HEADERS.en) as (keyof (typeof HEADERS)["en"])[];

/** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
function cell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as CSV that Excel opens correctly with Azerbaijani letters: UTF-8 with a byte-order
 * mark, CRLF line ends, one header row in the reader's language, a total row last.
 */
export function reportCsv(report: Report, language: Language): string {
  const header = COLUMNS.map((c) => cell(HEADERS[language][c]));
  const line = (label: string, f: ReportFigures) =>
    COLUMNS.map((c) => cell(c === "label" ? label : f[c])).join(",");
  const lines = [
    header.join(","),
    ...report.rows.map((r) => line(r.label, r)),
    line(TOTAL[language], report.totals),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
