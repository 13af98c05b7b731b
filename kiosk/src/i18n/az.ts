import { azBooking, azCalendar, azCheckIn, azManage } from "./appointments/az.js";
import { azFeedback } from "./feedback.js";
import { azBring } from "./bring.js";
import { azAudio } from "./audio.js";
import { azPhone } from "./phone.js";
import { azWaits } from "./waits.js";
import type { Messages } from "./messages.js";
import { azClosed, azReasons } from "./reasons/az.js";

export const az: Messages = {
  languageName: "Azərbaycanca",
  languageSwitchLabel: "Dil",
  appTitle: "DOST — elektron növbə",
  loading: "Yüklənir…",

  startHeading: "Xidməti seçin",
  startHint: "Gəldiyiniz xidmətə toxunun.",
  categories: {
    pensions: "Pensiyalar",
    disability: "Əlillik və reabilitasiya",
    assistance: "Sosial yardım və müavinətlər",
    employment: "Məşğulluq",
    insurance: "Sosial sığorta",
    documents: "Arayışlar və sənədlər",
  },
  otherCategory: "Digər xidmətlər",
  waitingLabel: "Növbədə",
  estimatedWaitLabel: "Gözləmə",
  noServices: "Hazırda bu mərkəzdə növbə üçün xidmət yoxdur.",
  liveOffline: "Əlaqə kəsilib: rəqəmlər köhnə ola bilər.",
  ...azClosed,

  minutes: (minutes) => `~${minutes} dəq.`,
  hoursMinutes: (hours, minutes) => (minutes ? `~${hours} saat ${minutes} dəq.` : `~${hours} saat`),
  underAMinute: "1 dəqiqədən az",
  noEstimate: "hələ açıq masa yoxdur",
  aboutMinutesRange: (low, high) => `təxminən ${low}–${high} dəq.`,
  aboutRange: (low, high) => `təxminən ${low} – ${high}`,

  priorityHeading: "Güzəştli qrupa aidsinizmi?",
  priorityHint: "Bu qruplara aid olanlar daha tez çağırılır. Təsdiqedici sənəd istənilə bilər.",
  priorityGroups: {
    disability: "Əlilliyi olan şəxs",
    veteran: "Müharibə veteranı / iştirakçısı",
    martyr_family: "Şəhid ailəsinin üzvü",
    elderly: "Yaşlı vətəndaş (70+)",
    pregnant: "Hamilə qadın",
  },
  priorityNo: "Xeyr",
  chosenService: "Seçilmiş xidmət",
  back: "Geri",
  startOver: "Əvvələ qayıt",

  issuing: "Talonunuz hazırlanır…",
  ticketHeading: "Növbə talonunuz",
  ticketNumber: "Talon nömrəsi",
  service: "Xidmət",
  centre: "Mərkəz",
  issuedAt: "Tarix və vaxt",
  peopleAhead: "Sizdən əvvəl",
  estimatedWait: "Təxmini gözləmə",
  scanToFollow: "Növbənizi telefonda izləmək üçün kodu skan edin.",
  takeYourTicket: "Çap olunmuş talonu götürün.",
  closesIn: (seconds) => `Bu ekran ${seconds} saniyəyə bağlanacaq.`,
  done: "Tamam",
  ticketAnnouncement: (code, ahead, wait) =>
    `Talonunuzun nömrəsi ${code}. Sizdən əvvəl ${ahead} nəfər var. Təxmini gözləmə: ${wait}.`,

  unreachableTitle: "Əlaqə yoxdur",
  unreachableText:
    "Sistemlə əlaqə qurmaq alınmadı. Bir az sonra yenidən cəhd edin və ya məlumat masasına müraciət edin.",
  issueFailedText: "Talonu vermək alınmadı. Yenidən cəhd edin və ya məlumat masasına müraciət edin.",
  notIssuingText: "Hazırda bu xidmət üçün talon verilmir. Zəhmət olmasa, məlumat masasına müraciət edin.",
  crashTitle: "Xəta baş verdi",
  crashText: "Ekran yenidən açılır. Bir azdan yenidən cəhd edin.",
  retry: "Yenidən cəhd edin",
  reasons: azReasons,

  pairingTitle: "Kiosk qoşulmayıb",
  pairingText: "Administratorun verdiyi altı rəqəmli qoşulma kodunu daxil edin və ya qoşulma linkini açın.",
  pairingRefused: "Bu açar qəbul edilmədi. Administratordan yeni açar istəyin.",
  deviceKeyLabel: "Cihaz açarı",
  pair: "Qoşul",
  pairWithKey: "Açarla qoşul",
  pairingCodeLabel: "Qoşulma kodu",
  pairingKeypad: "Kodun rəqəmləri",
  pairingErase: "Sil",
  pairingKeyInstead: "Və ya cihaz açarını daxil edin",
  pairingCodeRefused:
    "Bu kod qəbul edilmədi: ya səhvdir, ya artıq istifadə olunub, ya da vaxtı bitib. Administratordan yeni kod istəyin.",
  pairingCodeMalformed: "Qoşulma kodu altı rəqəmdən ibarətdir.",
  pairingTooManyTries: "Çox cəhd edildi. Bir dəqiqə gözləyib yenidən cəhd edin.",
  pairingNotKiosk: "Bu kod və ya açar kiosk üçün deyil. Administratordan bu kiosk üçün kod istəyin.",

  statusTitle: "Növbənin vəziyyəti",
  statusWaiting: "Növbədəsiniz",
  statusCalled: "Sizi çağırırlar!",
  goToCounter: (counter) => `${counter}\u00a0nömrəli masaya yaxınlaşın`,
  statusServing: (counter) => `${counter} nömrəli masada sizə xidmət göstərilir`,
  statusDone: "Xidmət başa çatdı. Təşəkkür edirik!",
  statusNoShow: "Çağırılanda gəlmədiniz. Məlumat masasına müraciət edin və ya yeni talon götürün.",
  statusCancelled: "Bu talon ləğv edilib.",
  statusExpired: "Növbəniz çatmamış mərkəz bağlandı. Zəhmət olmasa, başqa gün yenidən gəlin.",
  ticketNotFound: "Talon tapılmadı",
  ticketNotFoundText: "Linki yoxlayın və ya talondakı kodu yenidən skan edin.",
  liveUpdates: "Bu səhifə özü yenilənir.",

  bring: azBring,
  phone: azPhone,
  feedback: azFeedback,
  booking: azBooking,
  manage: azManage,
  checkIn: azCheckIn,
  calendar: azCalendar,
  waits: azWaits,
  audio: azAudio,
};
