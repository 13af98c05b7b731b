/**
 * ESC/POS real-time status (`DLE EOT n`), answered by the printer at once, even while it is
 * offline or its buffer is full. Each answer is one byte whose bits 1 and 4 are set and bits 0
 * and 7 clear; the meaning of the other bits depends on n.
 */
export const DLE_EOT = {
  printer: Uint8Array.of(0x10, 0x04, 1),
  offlineCause: Uint8Array.of(0x10, 0x04, 2),
  paperSensor: Uint8Array.of(0x10, 0x04, 4),
} as const;

/** The three queries in one write; the printer answers them in order, one byte each. */
export const STATUS_QUERY = Uint8Array.of(
  ...DLE_EOT.printer,
  ...DLE_EOT.offlineCause,
  ...DLE_EOT.paperSensor,
);

export type PrinterProblem = "offline" | "paper_out" | "cover_open" | "timeout";

export interface PrinterStatus {
  /** What stops printing now, or null when the printer is ready. */
  problem: Exclude<PrinterProblem, "timeout"> | null;
  /** The roll is nearly used up: still prints, but someone should change it soon. */
  paperNearEnd: boolean;
}

const isStatusByte = (b: number) => (b & 0b1001_0011) === 0b0001_0010;

/**
 * Reads the three answers to STATUS_QUERY. A byte that is not a status byte means the other end
 * does not speak ESC/POS: reported as offline, since nothing will print there.
 */
export function parseStatus(answer: Uint8Array): PrinterStatus {
  const [printer, cause, paper] = answer;
  if (printer === undefined || cause === undefined || paper === undefined) {
    throw new Error("a status answer has three bytes");
  }
  if (![printer, cause, paper].every(isStatusByte)) return { problem: "offline", paperNearEnd: false };
  const paperNearEnd = (paper & 0b0000_1100) !== 0;
  // n=4 bits 5-6: the roll is used up; n=2 bit 5: printing stopped because the paper ran out.
  if ((paper & 0b0110_0000) !== 0 || (cause & 0b0010_0000) !== 0)
    return { problem: "paper_out", paperNearEnd };
  // n=2 bit 2: the cover is open.
  if ((cause & 0b0000_0100) !== 0) return { problem: "cover_open", paperNearEnd };
  // n=1 bit 3: offline for another reason; n=2 bit 6: an error (cutter jam, head too hot, …).
  if ((printer & 0b0000_1000) !== 0 || (cause & 0b0100_0000) !== 0)
    return { problem: "offline", paperNearEnd };
  return { problem: null, paperNearEnd };
}
