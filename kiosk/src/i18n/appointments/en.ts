import { CALENDAR_WORDS } from "@dost/shared/client";
import type { BookingMessages, CalendarNames, CheckInMessages, ManageMessages } from "./messages.js";

export const enCalendar: CalendarNames = {
  ...CALENDAR_WORDS.en,
  date: (weekday, day, month, year) => `${weekday}, ${day} ${month} ${year}`,
  monthTitle: (month, year) => `${month} ${year}`,
};

const places = (n: number) => (n === 1 ? "1 free place" : `${n} free places`);

export const enBooking: BookingMessages = {
  title: "Book an appointment",
  stepOf: (step, total) => `Step ${step} of ${total}`,
  centreHeading: "Choose a centre",
  serviceHeading: "Choose a service",
  serviceHint: "Only services that take appointments are listed.",
  noBookableServices: "This centre takes no online appointments at the moment.",

  dayHeading: "Choose a day",
  dayHint: "Days with free places can be chosen. The arrow keys move between days.",
  previousMonth: "Previous month",
  nextMonth: "Next month",
  dayOpen: places,
  dayFull: "Fully booked",
  dayClosed: "Closed",
  dayPast: "Past",
  dayBeyond: "Not open for booking yet",
  noDaysThisMonth: "No day this month has free places.",
  legendOpen: "Free places (the number says how many)",
  legendClosed: "Closed: weekend, holiday or outside the booking period",

  timeHeading: "Choose a time",
  timeHint: (date) => `Free times on ${date} (Baku time).`,
  placesLeft: (n) => (n === 1 ? "1 place left" : `${n} places left`),
  noTimes: "No free times are left on this day. Please choose another day.",
  chooseAnotherDay: "Choose another day",

  detailsHeading: "Your details",
  detailsHint: "We use them for this appointment only.",
  nameLabel: "First name and surname",
  phoneLabel: "Phone number",
  phoneHint: "An Azerbaijani number, such as 050 123 45 67",
  pinLabel: "FIN (optional)",
  pinHint: "The 7 characters on your ID card",
  nameInvalid: "Enter your first name and surname (at least 2 letters).",
  phoneMissing: "Enter your phone number.",
  phoneInvalid: "Enter an Azerbaijani phone number, such as 050 123 45 67.",
  pinInvalid: "A FIN has exactly 7 letters and digits.",
  fixErrors: "Please correct the marked fields.",
  submit: "Book the appointment",
  submitting: "Booking…",
  conflictText:
    "This time is no longer free, or this phone number already has a booking for this service on that day.",
  chooseAnotherTime: "Choose another time",
  rateLimited: "Too many attempts. Please wait a minute and try again.",

  summaryHeading: "Your choice",
  dateLabel: "Date",
  timeLabel: "Time",
  bakuTime: "Times are Baku time.",

  confirmedHeading: "Your appointment is booked",
  codeLabel: "Booking code",
  codeHint: "When you arrive, enter this code at the kiosk to check in.",
  scanToManage: "Scan the code to see, move or cancel your booking.",
  addToCalendar: "Add to calendar",
  manageLink: "See, move or cancel this booking",
  arriveHint:
    "Come a little early and check in at the kiosk with your code; check-in opens shortly before your time.",
  bookAnother: "Book another appointment",
};

export const enManage: ManageMessages = {
  title: "Your booking",
  phoneLast4Label: "Last four digits of your phone",
  phoneLast4Hint: "Of the phone number you booked with, such as 4567.",
  phoneLast4Needed: "Enter the last four digits of the phone number you booked with.",
  phoneLast4Wrong: "These are not the last four digits of the phone number this booking was made with.",
  lookupHeading: "Find your booking",
  lookupHint: "Enter the code from your booking confirmation.",
  codeInputHint: "10 letters and digits, such as ABCDE-23456 (older codes have 8)",
  codeInvalid: "A booking code has 10 letters and digits, such as ABCDE-23456 (older codes have 8).",
  find: "Find the booking",
  notFound: "There is no booking with this code. Check the code and try again.",
  statusLabel: "Status",
  statuses: {
    booked: "Booked",
    checked_in: "Checked in",
    cancelled: "Cancelled",
    no_show: "Missed",
  },
  nameLabel: "Name",
  phoneLabel: "Phone",
  pinLabel: "FIN",
  cancel: "Cancel the booking",
  cancelHeading: "Cancel this booking?",
  cancelText: (when) => `Your appointment on ${when} will be cancelled and the time given to someone else.`,
  confirmCancel: "Yes, cancel it",
  keep: "No, keep it",
  cancelled: "Your booking is cancelled.",
  reschedule: "Change the day or time",
  moveHeading: "Move this booking?",
  moveText: (when) => `Your appointment will move to ${when}.`,
  move: "Move the booking",
  moved: (when) => `Your booking has moved to ${when}.`,
  notPossible: "This cannot be done now.",
  serverSaid: "The system says:",
  lookupAnother: "Find another booking",
};

export const enCheckIn: CheckInMessages = {
  haveAppointment: "I have an appointment",
  haveAppointmentHint: "Booked online? Check in with your code.",
  heading: "Enter your booking code",
  hint: "The 10 characters from your booking confirmation (8 for older bookings).",
  entered: (code, count) => `Entered: ${code} (${count} of 10)`,
  backspace: "Delete the last character",
  clear: "Clear",
  submit: "Check in",
  submitting: "Checking you in…",
  conflictTitle: "Check-in is not possible now",
  conflictText:
    "If you are early, please come back when check-in opens (see below). If your time has passed or the booking was cancelled, take a ticket for the queue.",
  notFoundTitle: "Booking not found",
  notFoundText:
    "This centre has no booking with this code. Check the code and enter it again, or take a ticket for the queue.",
  failedText: "We could not check you in. Please try again, or ask at the front desk.",
  enterAgain: "Enter the code again",
  takeTicket: "Take a ticket for the queue",
};
