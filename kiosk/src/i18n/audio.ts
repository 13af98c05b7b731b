/**
 * The kiosk's audio mode: what it says aloud. Spoken texts differ from the screen's: no "~" or
 * "min" for a voice to stumble over, numbers with the words their grammar wants, and the keys to
 * press instead of "touch".
 */
export interface AudioMessages {
  /** The start screen's button, and the hint beside it that names the keypad key. */
  button: string;
  buttonOn: string;
  buttonHint: string;
  /** Said in each language when audio mode starts, before the languages are read. */
  welcome: string;
  keysHelp: string;
  off: string;
  servicesCount: (count: number) => string;
  /** One service on the start screen: its name, the queue and the wait, already spoken. */
  service: (name: string, waiting: number, wait: string) => string;
  /** Minutes as a voice reads them: "about 12 minutes". */
  aboutMinutes: (minutes: number) => string;
  /** A wait band: "about 10 to 15 minutes". */
  aboutRange: (low: number, high: number) => string;
  underAMinute: string;
  waitUnknown: string;
  documentsChoices: string;
  choices: string;
  ticket: (code: string, ahead: number, wait: string) => string;
  ticketAgain: string;
  checkInNotSpoken: string;
}

/** Russian nouns after a number: 1 минута, 2 минуты, 5 минут. */
function ruPlural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

export const azAudio: AudioMessages = {
  button: "Səsli rejim",
  buttonOn: "Səsli rejim açıqdır — bağlamaq üçün toxunun",
  buttonHint: "Görmə imkanı məhdud olanlar üçün: ekran qulaqlıqla oxunur. Klaviaturada ✱ düyməsi də açır.",
  welcome: "Səsli rejim. Dili yuxarı və aşağı oxlarla seçin və Enter düyməsini basın.",
  keysHelp:
    "Yuxarı və aşağı oxlar seçimlər arasında keçir, Enter seçir, Escape geri qaytarır, ulduz təkrarlayır.",
  off: "Səsli rejim bağlandı.",
  servicesCount: (count) => `${count} xidmət var.`,
  service: (name, waiting, wait) => `${name}. Növbədə ${waiting} nəfər. Gözləmə ${wait}.`,
  aboutMinutes: (minutes) => `təxminən ${minutes} dəqiqə`,
  aboutRange: (low, high) => `təxminən ${low} ilə ${high} dəqiqə arası`,
  underAMinute: "bir dəqiqədən az",
  waitUnknown: "məlum deyil",
  documentsChoices: "Seçimlər: Davam et, və ya Geri. Oxlarla seçin.",
  choices: "Seçimləri eşitmək üçün aşağı oxu basın.",
  ticket: (code, ahead, wait) =>
    `Biletinizin nömrəsi ${code}. Sizdən əvvəl ${ahead} nəfər var. Təxmini gözləmə ${wait}. Çap olunmuş bileti götürün.`,
  ticketAgain: "Yenidən eşitmək üçün ulduz düyməsini basın.",
  checkInNotSpoken:
    "Görüş kodu hələ səsli oxunmur. Zəhmət olmasa, əməkdaşdan kömək istəyin. Geri üçün Escape.",
};

export const ruAudio: AudioMessages = {
  button: "Голосовой режим",
  buttonOn: "Голосовой режим включён — коснитесь, чтобы выключить",
  buttonHint: "Для незрячих и слабовидящих: экран читается вслух в наушники. Также включается клавишей ✱.",
  welcome: "Голосовой режим. Выберите язык стрелками вверх и вниз и нажмите Enter.",
  keysHelp:
    "Стрелки вверх и вниз переходят между вариантами, Enter выбирает, Escape возвращает назад, звёздочка повторяет.",
  off: "Голосовой режим выключен.",
  servicesCount: (count) => `${count} ${ruPlural(count, "услуга", "услуги", "услуг")}.`,
  service: (name, waiting, wait) =>
    `${name}. В очереди ${waiting} ${ruPlural(waiting, "человек", "человека", "человек")}. Ожидание ${wait}.`,
  aboutMinutes: (minutes) => `около ${minutes} ${ruPlural(minutes, "минуты", "минут", "минут")}`,
  aboutRange: (low, high) => `примерно от ${low} до ${high} ${ruPlural(high, "минуты", "минут", "минут")}`,
  underAMinute: "меньше минуты",
  waitUnknown: "неизвестно",
  documentsChoices: "Варианты: Продолжить или Назад. Выберите стрелками.",
  choices: "Чтобы услышать варианты, нажмите стрелку вниз.",
  ticket: (code, ahead, wait) =>
    `Номер вашего талона ${code}. Перед вами ${ahead} ${ruPlural(ahead, "человек", "человека", "человек")}. Ожидание ${wait}. Возьмите напечатанный талон.`,
  ticketAgain: "Чтобы услышать ещё раз, нажмите звёздочку.",
  checkInNotSpoken:
    "Ввод кода записи пока не озвучивается. Пожалуйста, обратитесь к сотруднику. Назад — клавиша Escape.",
};

export const enAudio: AudioMessages = {
  button: "Audio mode",
  buttonOn: "Audio mode is on — touch to turn it off",
  buttonHint:
    "For blind and low-vision visitors: the screen is read aloud in the headphones. The ✱ key starts it too.",
  welcome: "Audio mode. Choose a language with the up and down arrows, then press Enter.",
  keysHelp: "The up and down arrows move between the choices, Enter chooses, Escape goes back, star repeats.",
  off: "Audio mode off.",
  servicesCount: (count) => `${count} ${count === 1 ? "service" : "services"}.`,
  service: (name, waiting, wait) =>
    `${name}. ${waiting === 1 ? "1 person" : `${waiting} people`} waiting. Wait ${wait}.`,
  aboutMinutes: (minutes) => `about ${minutes} ${minutes === 1 ? "minute" : "minutes"}`,
  aboutRange: (low, high) => `about ${low} to ${high} minutes`,
  underAMinute: "under a minute",
  waitUnknown: "not known",
  documentsChoices: "Your choices: Continue, or Back. Use the arrows.",
  choices: "Press the down arrow to hear the choices.",
  ticket: (code, ahead, wait) =>
    `Your ticket number is ${code}. People ahead of you: ${ahead}. Estimated wait: ${wait}. Take your printed ticket.`,
  ticketAgain: "Press star to hear it again.",
  checkInNotSpoken:
    "The appointment code entry is not read aloud yet. Please ask a member of staff. Escape goes back.",
};
