import type { Priority } from "@dost/shared";
import type {
  BookingMessages,
  CalendarNames,
  CheckInMessages,
  ManageMessages,
} from "./appointments/messages.js";
import type { OpeningDay } from "./opening.js";
import type { ReasonMessages } from "./reasons.js";
import type { FeedbackMessages } from "./feedback.js";
import type { BringMessages } from "./bring.js";
import type { AudioMessages } from "./audio.js";
import type { PhoneMessages } from "./phone.js";
import type { WaitsMessages } from "./waits.js";

/** The service categories the catalogue groups services by, in the order the start screen shows them. */
export const CATEGORY_ORDER = [
  "pensions",
  "disability",
  "assistance",
  "employment",
  "insurance",
  "documents",
] as const;
export type CategoryCode = (typeof CATEGORY_ORDER)[number];

export type PriorityGroup = Exclude<Priority, "none">;

/**
 * Every string the kiosk and the status page show. Each language's dictionary implements this
 * interface, so TypeScript refuses a missing or misspelt key. Strings that embed a value are
 * functions, so each language can put the value where its grammar wants it.
 */
export interface Messages {
  /** The language's own name, shown on the switch. */
  languageName: string;
  languageSwitchLabel: string;
  appTitle: string;
  loading: string;

  // Start screen
  startHeading: string;
  startHint: string;
  categories: Record<CategoryCode, string>;
  otherCategory: string;
  waitingLabel: string;
  estimatedWaitLabel: string;
  noServices: string;
  liveOffline: string;

  // Closed: outside the hours kiosks issue in, instead of the service list
  closedHeading: string;
  /** "We open Monday at 09:00"; the time is the centre's, already written. */
  opensAt: (day: OpeningDay, time: string) => string;
  closedNoOpening: string;

  // Wait times
  minutes: (minutes: number) => string;
  hoursMinutes: (hours: number, minutes: number) => string;
  underAMinute: string;
  /** Instead of a wait when there is no honest estimate (no counter open yet). */
  noEstimate: string;
  /** A wait band under an hour, in whole minutes: "about 10–15 min". */
  aboutMinutesRange: (low: number, high: number) => string;
  /** A wait band reaching past an hour, from two formatted ends. */
  aboutRange: (low: string, high: string) => string;

  // Priority
  priorityHeading: string;
  priorityHint: string;
  priorityGroups: Record<PriorityGroup, string>;
  priorityNo: string;
  chosenService: string;
  back: string;
  startOver: string;

  // What to bring, before the ticket and on it
  bring: BringMessages;
  /** The optional phone number for texts, before the priority question. */
  phone: PhoneMessages;

  // Issuing and the ticket
  issuing: string;
  ticketHeading: string;
  ticketNumber: string;
  service: string;
  centre: string;
  issuedAt: string;
  peopleAhead: string;
  estimatedWait: string;
  scanToFollow: string;
  takeYourTicket: string;
  closesIn: (seconds: number) => string;
  done: string;
  ticketAnnouncement: (code: string, ahead: number, wait: string) => string;

  // Problems
  unreachableTitle: string;
  unreachableText: string;
  issueFailedText: string;
  notIssuingText: string;
  crashTitle: string;
  crashText: string;
  retry: string;
  /** Refusals by the server's reason, instead of its English message. */
  reasons: ReasonMessages;

  // Pairing
  pairingTitle: string;
  pairingText: string;
  pairingRefused: string;
  deviceKeyLabel: string;
  pair: string;
  pairWithKey: string;
  pairingCodeLabel: string;
  pairingKeypad: string;
  pairingErase: string;
  pairingKeyInstead: string;
  /** Why a pairing code was not taken (the refused key keeps `pairingRefused`). */
  pairingCodeRefused: string;
  pairingCodeMalformed: string;
  pairingTooManyTries: string;
  pairingNotKiosk: string;

  // Status page
  statusTitle: string;
  statusWaiting: string;
  statusCalled: string;
  goToCounter: (counter: string) => string;
  statusServing: (counter: string) => string;
  statusDone: string;
  statusNoShow: string;
  statusCancelled: string;
  statusExpired: string;
  ticketNotFound: string;
  ticketNotFoundText: string;
  liveUpdates: string;
  feedback: FeedbackMessages;

  // Appointments: booking and managing on a phone, checking in at the kiosk
  booking: BookingMessages;
  manage: ManageMessages;
  checkIn: CheckInMessages;
  calendar: CalendarNames;

  // The public waits page (open data)
  waits: WaitsMessages;

  // The kiosk read aloud, for blind and low-vision visitors
  audio: AudioMessages;
}
