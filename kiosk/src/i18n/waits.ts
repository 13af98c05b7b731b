/** The public waits page (open data): every centre's queues now, for anyone, on a phone. */
export interface WaitsMessages {
  title: string;
  heading: string;
  intro: string;
  updatedAt: (time: string) => string;
  stale: (time: string) => string;
  openNow: string;
  closedNow: string;
  waiting: string;
  estimatedWait: string;
  openCounters: string;
  noCounterOpen: string;
  noServices: string;
  noCentres: string;
  licence: string;
  rawData: string;
}

export const azWaits: WaitsMessages = {
  title: "Növbələr indi — DOST",
  heading: "DOST mərkəzlərində növbələr indi",
  intro: "Yola çıxmazdan əvvəl baxın: hər xidmət üzrə neçə nəfər gözləyir və təxmini gözləmə vaxtı.",
  updatedAt: (time) => `Saat ${time} vəziyyəti. Səhifə özü yenilənir.`,
  stale: (time) => `Yeniləmək alınmadı; saat ${time} vəziyyəti göstərilir.`,
  openNow: "İndi açıqdır",
  closedNow: "İndi bağlıdır",
  waiting: "Gözləyənlər",
  estimatedWait: "Təxmini gözləmə",
  openCounters: "Açıq masalar",
  noCounterOpen: "Bu xidmət üzrə indi açıq masa yoxdur.",
  noServices: "Bu mərkəz hələ xidmət göstərmir.",
  noCentres: "Hazırda heç bir mərkəz məlumat vermir.",
  licence: "Bu rəqəmlər açıq məlumatdır; lisenziya:",
  rawData: "Məlumat JSON formatında",
};

export const ruWaits: WaitsMessages = {
  title: "Очереди сейчас — DOST",
  heading: "Очереди в центрах DOST сейчас",
  intro: "Посмотрите перед выходом: сколько человек ждут каждую услугу и примерное время ожидания.",
  updatedAt: (time) => `Данные на ${time}. Страница обновляется сама.`,
  stale: (time) => `Не удалось обновить; показаны данные на ${time}.`,
  openNow: "Сейчас открыт",
  closedNow: "Сейчас закрыт",
  waiting: "Ожидают",
  estimatedWait: "Примерное ожидание",
  openCounters: "Открытые окна",
  noCounterOpen: "Сейчас ни одно окно не обслуживает эту услугу.",
  noServices: "Этот центр пока не оказывает услуг.",
  noCentres: "Сейчас ни один центр не передаёт данные.",
  licence: "Эти цифры — открытые данные; лицензия:",
  rawData: "Данные в формате JSON",
};

export const enWaits: WaitsMessages = {
  title: "Queues now — DOST",
  heading: "Queues at DOST centres now",
  intro: "Check before you travel: how many people wait for each service and the estimated wait.",
  updatedAt: (time) => `Figures as of ${time}. This page updates itself.`,
  stale: (time) => `Could not update; showing the figures as of ${time}.`,
  openNow: "Open now",
  closedNow: "Closed now",
  waiting: "Waiting",
  estimatedWait: "Estimated wait",
  openCounters: "Open counters",
  noCounterOpen: "No counter serves this service right now.",
  noServices: "This centre offers no services yet.",
  noCentres: "No centre is reporting right now.",
  licence: "These figures are open data under the licence",
  rawData: "The data as JSON",
};
