import type { Language } from "@dost/shared";

/** The feedback tablet's own words; the score and reason labels are the status page's (t.feedback). */
export interface TabletMessages {
  title: string;
  idle: string;
  ask: (code: string) => string;
  faces: string;
  skip: string;
  notPaired: string;
}

export const TABLET_MESSAGES: Record<Language, TabletMessages> = {
  az: {
    title: "DOST — rəy",
    idle: "DOST mərkəzinə gəldiyiniz üçün təşəkkür edirik.",
    ask: (code) => `${code} nömrəli ziyarətiniz necə keçdi?`,
    faces: "Qiymətinizə toxunun",
    skip: "Keç",
    notPaired: "Bu planşet qoşulmayıb. Menecer onu rəy cihazının açarı ilə açmalıdır: /kiosk/feedback/?key=…",
  },
  ru: {
    title: "DOST — отзыв",
    idle: "Спасибо, что пришли в центр DOST.",
    ask: (code) => `Как прошёл ваш визит по талону ${code}?`,
    faces: "Коснитесь вашей оценки",
    skip: "Пропустить",
    notPaired:
      "Планшет не подключён. Менеджер должен открыть его с ключом устройства отзывов: /kiosk/feedback/?key=…",
  },
  en: {
    title: "DOST — feedback",
    idle: "Thank you for visiting DOST.",
    ask: (code) => `How was your visit with ticket ${code}?`,
    faces: "Touch your score",
    skip: "Skip",
    notPaired:
      "This tablet is not paired. A manager opens it with the feedback device's key: /kiosk/feedback/?key=…",
  },
};
