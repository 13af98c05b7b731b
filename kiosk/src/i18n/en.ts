import { enBooking, enCalendar, enCheckIn, enManage } from "./appointments/en.js";
import { enFeedback } from "./feedback.js";
import { enBring } from "./bring.js";
import { enAudio } from "./audio.js";
import { enPhone } from "./phone.js";
import { enWaits } from "./waits.js";
import type { Messages } from "./messages.js";
import { enClosed, enReasons } from "./reasons/en.js";

export const en: Messages = {
  languageName: "English",
  languageSwitchLabel: "Language",
  appTitle: "DOST — queue",
  loading: "Loading…",

  startHeading: "Choose a service",
  startHint: "Touch the service you came for.",
  categories: {
    pensions: "Pensions",
    disability: "Disability and rehabilitation",
    assistance: "Social assistance and benefits",
    employment: "Employment",
    insurance: "Social insurance",
    documents: "Certificates and documents",
  },
  otherCategory: "Other services",
  waitingLabel: "Waiting",
  estimatedWaitLabel: "Wait",
  noServices: "This centre offers no queue services at the moment.",
  liveOffline: "Connection lost: the figures may be out of date.",
  ...enClosed,

  minutes: (minutes) => `~${minutes} min`,
  hoursMinutes: (hours, minutes) => (minutes ? `~${hours} h ${minutes} min` : `~${hours} h`),
  underAMinute: "under a minute",
  noEstimate: "no counter open yet",
  aboutMinutesRange: (low, high) => `about ${low}–${high} min`,
  aboutRange: (low, high) => `about ${low} – ${high}`,

  priorityHeading: "Do you belong to a priority group?",
  priorityHint: "People in these groups are called sooner. You may be asked for a document.",
  priorityGroups: {
    disability: "Person with a disability",
    veteran: "War veteran or participant",
    martyr_family: "Family member of a martyr",
    elderly: "Elderly citizen (70+)",
    pregnant: "Pregnant woman",
  },
  priorityNo: "No",
  chosenService: "Chosen service",
  back: "Back",
  startOver: "Start over",

  issuing: "Preparing your ticket…",
  ticketHeading: "Your ticket",
  ticketNumber: "Ticket number",
  service: "Service",
  centre: "Centre",
  issuedAt: "Date and time",
  peopleAhead: "People ahead of you",
  estimatedWait: "Estimated wait",
  scanToFollow: "Scan the code with your phone to follow your turn.",
  takeYourTicket: "Take your printed ticket.",
  closesIn: (seconds) => `This screen closes in ${seconds} s.`,
  done: "Done",
  ticketAnnouncement: (code, ahead, wait) =>
    `Your ticket number is ${code}. People ahead of you: ${ahead}. Estimated wait: ${wait}.`,

  unreachableTitle: "No connection",
  unreachableText: "We could not reach the system. Please try again in a moment, or ask at the front desk.",
  issueFailedText: "We could not issue your ticket. Please try again, or ask at the front desk.",
  notIssuingText: "Tickets for this service are not being issued right now. Please ask at the front desk.",
  crashTitle: "Something went wrong",
  crashText: "The screen is restarting. Please try again in a moment.",
  retry: "Try again",
  reasons: enReasons,

  pairingTitle: "Kiosk not paired",
  pairingText: "Enter the six-digit pairing code from the administrator, or open the pairing link.",
  pairingRefused: "This key was refused. Ask the administrator for a new key.",
  deviceKeyLabel: "Device key",
  pair: "Pair",
  pairWithKey: "Pair with the key",
  pairingCodeLabel: "Pairing code",
  pairingKeypad: "Digits of the code",
  pairingErase: "Erase",
  pairingKeyInstead: "Or enter a device key",
  pairingCodeRefused:
    "This code was refused: it is wrong, already used or expired. Ask the administrator for a new code.",
  pairingCodeMalformed: "A pairing code is six digits.",
  pairingTooManyTries: "Too many tries. Wait a minute and try again.",
  pairingNotKiosk: "This code or key is not for a kiosk. Ask the administrator for a code for this kiosk.",

  statusTitle: "Queue status",
  statusWaiting: "You are in the queue",
  statusCalled: "It is your turn!",
  goToCounter: (counter) => `Please go to counter\u00a0${counter}`,
  statusServing: (counter) => `You are being served at counter ${counter}`,
  statusDone: "Your visit is complete. Thank you!",
  statusNoShow: "You were called but did not come. Please ask at the front desk or take a new ticket.",
  statusCancelled: "This ticket was cancelled.",
  statusExpired: "The centre closed before your turn. Please come back another day.",
  ticketNotFound: "Ticket not found",
  ticketNotFoundText: "Check the link, or scan the code on your ticket again.",
  liveUpdates: "This page updates by itself.",

  bring: enBring,
  phone: enPhone,
  feedback: enFeedback,
  booking: enBooking,
  manage: enManage,
  checkIn: enCheckIn,
  calendar: enCalendar,
  waits: enWaits,
  audio: enAudio,
};
