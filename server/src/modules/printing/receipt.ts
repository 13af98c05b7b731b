import { sayWaitRange, type Language, type LocalizedText } from "@dost/shared";
import ReceiptPrinterEncoder from "@point-of-sale/receipt-printer-encoder";
import { formatIssuedAt, RECEIPT_WORDS } from "./receipt-text.js";
import { renderText, type Bitmap, type TextLine } from "./text-raster.js";

/** What a ticket receipt shows; the kiosk's issuing flow fills it from the ticket it just issued. */
export interface TicketReceipt {
  language: Language;
  centre: { name: LocalizedText; timezone: string };
  service: { name: LocalizedText; documents?: LocalizedText[] };
  ticket: {
    code: string;
    publicId: string;
    issuedAt: Date | string;
    position: number | null;
    estimatedWaitMinutes: number | null;
    /** The 80% band, printed as "about 10–15 min" when the server has one. */
    estimatedWaitRange?: { low: number; high: number } | null;
  };
}

export interface ReceiptLayout {
  /** Where phones reach the status page: `<publicUrl>/kiosk/t/<publicId>` goes into the QR code. */
  publicUrl: string;
  /** Printable width in dots: 576 on most 80 mm printers at 203 dpi (512 on some). */
  widthDots?: number;
}

/** Font A, every ESC/POS printer's default: 12 dots wide, 24 high. */
const FONT_A_WIDTH = 12;

export const statusPageUrl = (publicUrl: string, publicId: string): string =>
  `${publicUrl.replace(/\/+$/, "")}/kiosk/t/${encodeURIComponent(publicId)}`;

/**
 * The whole print job for one ticket, as ESC/POS bytes: initialise, the words as bitmaps (see
 * text-raster.ts for why), the ticket code in the printer's own font, the status page's QR code with the printer's own QR command (sharp at
 * any size, and a few bytes instead of a bitmap), feed and cut.
 */
export function encodeReceipt(receipt: TicketReceipt, layout: ReceiptLayout): Uint8Array {
  const width = layout.widthDots ?? 576;
  const lang = receipt.language;
  const words = RECEIPT_WORDS[lang];
  const { ticket } = receipt;

  const header: TextLine[] = [
    { text: receipt.centre.name[lang], size: 30, bold: true, align: "center" },
    {
      text: formatIssuedAt(new Date(ticket.issuedAt), receipt.centre.timezone, words.locale),
      size: 24,
      align: "center",
      gapBefore: 4,
    },
  ];
  const details = receiptDetails(receipt);

  const columns = Math.floor(width / FONT_A_WIDTH);
  const encoder = new ReceiptPrinterEncoder({
    language: "esc-pos",
    columns,
    imageMode: "raster",
    feedBeforeCut: 4,
  });
  const image = (bitmap: Bitmap) =>
    encoder.image(bitmap, { width: bitmap.width, height: bitmap.height, algorithm: "threshold" });

  encoder.initialize().align("center");
  image(renderText(header, width));
  // The code is ASCII by the contract (1-3 capital Latin letters and 3 digits), so it prints in the
  // printer's own font, which every code page spells alike: as large as the paper allows (8 times
  // font A, 24 mm high, for up to 6 characters), the one thing the visitor listens for.
  const magnify = Math.max(1, Math.min(8, Math.floor(columns / ticket.code.length)));
  encoder.newline().bold(true).size(magnify, magnify).line(ticket.code).size(1, 1).bold(false);
  image(renderText(details, width));
  encoder.newline();
  encoder.qrcode(statusPageUrl(layout.publicUrl, ticket.publicId), { model: 2, size: 6, errorlevel: "m" });
  image(renderText([{ text: words.scanToFollow, size: 22, align: "center", gapBefore: 4 }], width));

  const documents = receipt.service.documents ?? [];
  if (documents.length > 0) {
    image(
      renderText(
        [
          { text: words.bring, size: 24, bold: true, gapBefore: 12 },
          ...documents.map((d) => ({ text: `• ${d[lang]}`, size: 22, gapBefore: 2 })),
        ],
        width,
      ),
    );
  }
  return encoder.cut("partial").encode();
}

/** The lines under the code: the service, the people ahead and the wait ("about 10–15 min"). */
export function receiptDetails(receipt: TicketReceipt): TextLine[] {
  const lang = receipt.language;
  const words = RECEIPT_WORDS[lang];
  const { ticket } = receipt;
  const details: TextLine[] = [{ text: receipt.service.name[lang], size: 32, bold: true, align: "center" }];
  if (ticket.position !== null) {
    details.push({
      text: `${words.peopleAhead}: ${ticket.position}`,
      size: 28,
      align: "center",
      gapBefore: 16,
    });
  }
  // A waiting ticket with no estimate says why ("no counter open yet") rather than nothing.
  if (ticket.estimatedWaitMinutes !== null || ticket.position !== null) {
    const wait = sayWaitRange(words, ticket.estimatedWaitMinutes, ticket.estimatedWaitRange);
    details.push({ text: `${words.estimatedWait}: ${wait}`, size: 28, align: "center", gapBefore: 4 });
  }

  return details;
}
