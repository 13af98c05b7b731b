/** The optional phone number at the kiosk, for texts about the ticket. */
export interface PhoneMessages {
  heading: string;
  hint: string;
  /** The keypad's group name, and its erase key. */
  keypad: string;
  erase: string;
  /** What a screen reader hears of the masked number: how many digits, and the last two. */
  entered: (count: number, last: string) => string;
  skip: string;
  use: string;
  /** On the ticket screen's announcement and under the keypad once a number is complete. */
}

export const azPhone: PhoneMessages = {
  heading: "Növbəniz yaxınlaşanda SMS göndərək?",
  hint: "İstəyə bağlıdır. Mobil nömrənizi yazın: növbəniz yaxınlaşanda və masaya çağırılanda SMS gələcək. Nömrə başqa heç nə üçün istifadə olunmur.",
  keypad: "Telefon nömrəsi klaviaturası",
  erase: "Son rəqəmi sil",
  entered: (count, last) => (count === 0 ? "Nömrə boşdur" : `${count} rəqəm yazılıb, sonu ${last}`),
  skip: "Keç, SMS lazım deyil",
  use: "Bu nömrəyə SMS göndərin",
};

export const ruPhone: PhoneMessages = {
  heading: "Прислать SMS, когда подойдёт очередь?",
  hint: "По желанию. Введите номер мобильного: SMS придёт, когда очередь подойдёт и когда вас вызовут к окну. Номер больше ни для чего не используется.",
  keypad: "Клавиатура номера телефона",
  erase: "Стереть последнюю цифру",
  entered: (count, last) => (count === 0 ? "Номер не введён" : `Введено цифр: ${count}, последние ${last}`),
  skip: "Пропустить, SMS не нужно",
  use: "Присылать SMS на этот номер",
};

export const enPhone: PhoneMessages = {
  heading: "Get a text when your turn is near?",
  hint: "Optional. Enter your mobile number: we text you when your turn is near and when you are called to a counter. The number is used for nothing else.",
  keypad: "Phone number keypad",
  erase: "Erase the last digit",
  entered: (count, last) => (count === 0 ? "No number entered" : `${count} digits entered, ending ${last}`),
  skip: "Skip, no texts",
  use: "Text this number",
};
