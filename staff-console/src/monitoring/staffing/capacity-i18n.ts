/** The appointment-capacity table's words, spread into the console's dictionaries (as alerts' are). */
export const capacityEn = {
  "capacity.title": "Appointment capacity",
  "capacity.intro":
    "Appointments per slot that leave the forecast walk-ins within {target} min, with the counters open each hour. Each hour shows its configured capacity, and the suggestion after an arrow where it differs.",
  "capacity.service": "Service",
  "capacity.configured": "Default",
  "capacity.cell": "{configured} → {suggested}",
  "capacity.table": "Appointments per slot: configured and suggested, by service and hour",
  "capacity.none": "This centre takes no appointments.",
  "capacity.apply": "Apply suggestions",
  "capacity.applied": "Suggestions applied: each hour's slot capacity is now as suggested.",
  "capacity.same": "Every service is already at its suggestion.",
} as const;

export const capacityAz: Readonly<Record<keyof typeof capacityEn, string>> = {
  "capacity.title": "Qəbul tutumu",
  "capacity.intro":
    "Hər saat açıq olan kassalarla proqnozlaşdırılan növbəsiz gələnləri {target} dəqiqə daxilində saxlayan, bir vaxta düşən qəbul sayı. Hər saat təyin edilmiş tutumu, fərqlidirsə oxdan sonra təklifi göstərir.",
  "capacity.service": "Xidmət",
  "capacity.configured": "Standart",
  "capacity.cell": "{configured} → {suggested}",
  "capacity.table": "Bir vaxta düşən qəbul sayı: təyin edilmiş və təklif, xidmət və saat üzrə",
  "capacity.none": "Bu mərkəz qəbula yazılış qəbul etmir.",
  "capacity.apply": "Təklifləri tətbiq et",
  "capacity.applied": "Təkliflər tətbiq edildi: hər saatın vaxt tutumu indi təklif olunduğu kimidir.",
  "capacity.same": "Hər xidmət artıq təklif olunan tutumdadır.",
} as const;

export const capacityRu: Readonly<Record<keyof typeof capacityEn, string>> = {
  "capacity.title": "Вместимость записи",
  "capacity.intro":
    "Записей на слот, при которых прогноз посетителей без записи укладывается в {target} мин при открытых в каждый час окнах. В каждом часе: заданная вместимость и, если отличается, предложение после стрелки.",
  "capacity.service": "Услуга",
  "capacity.configured": "По умолчанию",
  "capacity.cell": "{configured} → {suggested}",
  "capacity.table": "Записей на слот: задано и предложено, по услугам и часам",
  "capacity.none": "Этот центр не принимает записи.",
  "capacity.apply": "Применить предложения",
  "capacity.applied": "Предложения применены: вместимость слотов в каждом часе теперь как предложено.",
  "capacity.same": "Все услуги уже на предложенной вместимости.",
} as const;
