import type { Centre, Service, Ticket } from "@dost/shared";

/** A small centre in the shape the server sends, for component tests. */
export const CENTRE: Centre = {
  id: "11111111-1111-4111-8111-111111111111",
  code: "BAKU-1",
  name: { az: "DOST mərkəzi №1 (Bakı)", ru: "Центр DOST №1 (Баку)", en: "DOST Centre No. 1 (Baku)" },
  timezone: "Asia/Baku",
};

function service(
  id: string,
  prefix: string,
  category: string,
  name: Service["name"],
  waiting: number,
  estimatedWaitMinutes: number,
): Service {
  return {
    id,
    code: `SVC-${prefix}`,
    prefix,
    name,
    category,
    appointmentEnabled: false,
    targetWaitMinutes: 15,
    waiting,
    estimatedWaitMinutes,
  };
}

export const PENSION = service(
  "22222222-2222-4222-8222-222222222221",
  "A",
  "pensions",
  {
    az: "Yaşa görə əmək pensiyasının təyini",
    ru: "Назначение трудовой пенсии по возрасту",
    en: "Old-age labour pension",
  },
  4,
  18.4,
);

export const JOBS = service(
  "22222222-2222-4222-8222-222222222222",
  "J",
  "employment",
  { az: "Vakansiyalar və işə düzəlmə", ru: "Вакансии и трудоустройство", en: "Vacancies and job placement" },
  0,
  0.5,
);

export const CERTIFICATES: Service = {
  ...service(
    "22222222-2222-4222-8222-222222222223",
    "N",
    "documents",
    { az: "Arayışların verilməsi", ru: "Выдача справок", en: "Certificates and references" },
    12,
    75,
  ),
  // What to bring: the only fixture service with documents, so the others take the short way.
  documents: [
    { az: "Şəxsiyyət vəsiqəsi", ru: "Удостоверение личности", en: "Identity card" },
    {
      az: "Başqası üçün müraciət edildikdə etibarnamə",
      ru: "Доверенность при обращении за другого человека",
      en: "Power of attorney when applying for someone else",
    },
  ],
};

export const SERVICES: Service[] = [PENSION, JOBS, CERTIFICATES];

export const PUBLIC_ID = "AbCdEfGhIjKlMnOpQrStUv";

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: "33333333-3333-4333-8333-333333333333",
    publicId: PUBLIC_ID,
    centreId: CENTRE.id,
    serviceId: PENSION.id,
    code: "A042",
    status: "waiting",
    priority: "none",
    // 10:05 in Baku (UTC+4).
    issuedAt: "2025-03-05T06:05:00.000Z",
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    counter: null,
    position: 4,
    estimatedWaitMinutes: 18.4,
    estimatedWaitRange: null,
    language: "az",
    ...overrides,
  };
}
