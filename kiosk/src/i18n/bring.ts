/** "What to bring": the service's documents, before the ticket and wherever the ticket is shown. */
export interface BringMessages {
  /** The kiosk's question before the ticket is taken. */
  heading: string;
  hint: string;
  continue: string;
  /** Above the list on the ticket, the receipt, the status page and the booking confirmation. */
  listHeading: string;
}

export const azBring: BringMessages = {
  heading: "Bu sənədlər yanınızdadırmı?",
  hint: "Xidmət üçün bunlar lazım olacaq. Hazırsınızsa, davam edin.",
  continue: "Davam et",
  listHeading: "Yanınızda olmalıdır",
};

export const ruBring: BringMessages = {
  heading: "Эти документы у вас с собой?",
  hint: "Они понадобятся для услуги. Если всё готово, продолжайте.",
  continue: "Продолжить",
  listHeading: "Возьмите с собой",
};

export const enBring: BringMessages = {
  heading: "Do you have these with you?",
  hint: "You will need them for this service. If you are ready, continue.",
  continue: "Continue",
  listHeading: "Bring with you",
};
