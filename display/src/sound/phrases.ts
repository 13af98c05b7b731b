import type { Language } from "@dost/shared";
import { spokenCode } from "@dost/shared/client";

// The letter names are the kiosk's too: the hall hears a code as the kiosk read it out.
export { spokenCode };

export interface CallToAnnounce {
  code: string;
  counterLabel: string;
  recall: boolean;
}

// A full stop between the code and the counter gives the pause that keeps "42" and "5" apart.
const PHRASES: Record<Language, (code: string, counter: string, recall: boolean) => string> = {
  az: (code, counter, recall) =>
    `${recall ? "Təkrar. " : ""}Bilet ${code}. ${counter} nömrəli masaya yaxınlaşın.`,
  ru: (code, counter, recall) => `${recall ? "Повторно. " : ""}Талон ${code}. Пройдите к окну ${counter}.`,
  en: (code, counter, recall) => `${recall ? "Again. " : ""}Ticket ${code}. Please go to counter ${counter}.`,
};

export function announcementText(call: CallToAnnounce, lang: Language): string {
  return PHRASES[lang](spokenCode(call.code, lang), call.counterLabel, call.recall);
}
