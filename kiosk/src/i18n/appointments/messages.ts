import type { CalendarWords } from "@dost/shared/client";
import type { AppointmentStatus } from "@dost/shared";

/**
 * Names for dates, in the dictionaries rather than from Intl: browsers differ in the locales they
 * carry, and some (Chromium's own builds among them) have no Azerbaijani month names at all.
 */
export interface CalendarNames extends CalendarWords {
  date: (weekday: string, day: number, month: string, year: number) => string;
  monthTitle: (month: string, year: number) => string;
}

/** The booking pages on a citizen's phone or desktop: centre, service, day, time, details, code. */
export interface BookingMessages {
  title: string;
  stepOf: (step: number, total: number) => string;
  centreHeading: string;
  serviceHeading: string;
  serviceHint: string;
  noBookableServices: string;

  dayHeading: string;
  dayHint: string;
  previousMonth: string;
  nextMonth: string;
  dayOpen: (places: number) => string;
  dayFull: string;
  dayClosed: string;
  dayPast: string;
  dayBeyond: string;
  noDaysThisMonth: string;
  legendOpen: string;
  legendClosed: string;

  timeHeading: string;
  timeHint: (date: string) => string;
  placesLeft: (places: number) => string;
  noTimes: string;
  chooseAnotherDay: string;

  detailsHeading: string;
  detailsHint: string;
  nameLabel: string;
  phoneLabel: string;
  phoneHint: string;
  pinLabel: string;
  pinHint: string;
  nameInvalid: string;
  phoneMissing: string;
  phoneInvalid: string;
  pinInvalid: string;
  fixErrors: string;
  submit: string;
  submitting: string;
  conflictText: string;
  chooseAnotherTime: string;
  rateLimited: string;

  summaryHeading: string;
  dateLabel: string;
  timeLabel: string;
  bakuTime: string;

  confirmedHeading: string;
  codeLabel: string;
  codeHint: string;
  scanToManage: string;
  addToCalendar: string;
  manageLink: string;
  arriveHint: string;
  bookAnother: string;
}

/** The page that looks up a booking by its code, to see, move or cancel it. */
export interface ManageMessages {
  title: string;
  /** Asked to cancel or move a booking: the code alone is not proof of holding it. */
  phoneLast4Label: string;
  phoneLast4Hint: string;
  phoneLast4Needed: string;
  phoneLast4Wrong: string;
  lookupHeading: string;
  lookupHint: string;
  codeInputHint: string;
  codeInvalid: string;
  find: string;
  notFound: string;
  statusLabel: string;
  statuses: Record<AppointmentStatus, string>;
  nameLabel: string;
  phoneLabel: string;
  pinLabel: string;
  cancel: string;
  cancelHeading: string;
  cancelText: (when: string) => string;
  confirmCancel: string;
  keep: string;
  cancelled: string;
  reschedule: string;
  moveHeading: string;
  moveText: (when: string) => string;
  move: string;
  moved: (when: string) => string;
  notPossible: string;
  serverSaid: string;
  lookupAnother: string;
}

/** Checking in at the kiosk with a booking code. */
export interface CheckInMessages {
  haveAppointment: string;
  haveAppointmentHint: string;
  heading: string;
  hint: string;
  entered: (code: string, count: number) => string;
  backspace: string;
  clear: string;
  submit: string;
  submitting: string;
  conflictTitle: string;
  conflictText: string;
  notFoundTitle: string;
  notFoundText: string;
  failedText: string;
  enterAgain: string;
  takeTicket: string;
}
