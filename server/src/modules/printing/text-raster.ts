import { createRequire } from "node:module";
import { createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";

/**
 * Text drawn as a bitmap, for printers whose built-in fonts cannot spell Azerbaijani: no ESC/POS
 * code page holds "ə" (the Turkish ones have ğ, ı, ş but not ə; the Cyrillic ones have no Latin
 * letters beyond ASCII), and code-page support differs from one printer model to the next. A
 * bitmap printed with `GS v 0`, which every ESC/POS printer understands, shows Azerbaijani, Russian
 * and English alike in one font (DejaVu Sans, which covers Latin Extended and Cyrillic).
 */
const FAMILY = "DOST Receipt";
let fontsLoaded = false;

function loadFonts(): void {
  if (fontsLoaded) return;
  const require = createRequire(import.meta.url);
  for (const file of ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]) {
    if (!GlobalFonts.registerFromPath(require.resolve(`dejavu-fonts-ttf/ttf/${file}`), FAMILY)) {
      throw new Error(`Cannot load the receipt font ${file}`);
    }
  }
  fontsLoaded = true;
}

export interface TextLine {
  text: string;
  /** Height of the font in dots (8 dots to the millimetre on a 203 dpi printer). */
  size: number;
  bold?: boolean;
  align?: "left" | "center";
  /** Dots of space above the line. */
  gapBefore?: number;
  /** Shrink the font until the text fits on one line (for the ticket code) instead of wrapping. */
  fit?: boolean;
}

/** A bitmap as the encoder takes it: RGBA, 4 bytes a dot, white background. */
export interface Bitmap {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

const fontOf = (line: TextLine, size = line.size) => `${line.bold ? "bold " : ""}${size}px "${FAMILY}"`;

function wrap(ctx: SKRSContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && ctx.measureText(candidate).width > maxWidth) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}

/** Lays out and draws lines of text, `width` dots wide, with `margin` dots on each side. */
export function renderText(lines: TextLine[], width: number, margin = 8): Bitmap {
  loadFonts();
  const usable = width - 2 * margin;
  const measure = createCanvas(width, 1).getContext("2d");
  type Placed = { text: string; font: string; size: number; align: "left" | "center"; top: number };
  const placed: Placed[] = [];
  let y = 0;
  for (const line of lines) {
    y += line.gapBefore ?? 0;
    let size = line.size;
    measure.font = fontOf(line, size);
    if (line.fit) {
      const natural = measure.measureText(line.text).width;
      if (natural > usable) size = Math.floor((size * usable) / natural);
      measure.font = fontOf(line, size);
    }
    const parts = line.fit ? [line.text] : wrap(measure, line.text, usable);
    for (const text of parts) {
      placed.push({ text, font: fontOf(line, size), size, align: line.align ?? "left", top: y });
      y += Math.ceil(size * 1.25);
    }
  }
  const height = Math.max(8, Math.ceil(y / 8) * 8);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#000";
  ctx.textBaseline = "top";
  for (const p of placed) {
    ctx.font = p.font;
    ctx.textAlign = p.align;
    ctx.fillText(p.text, p.align === "center" ? width / 2 : margin, p.top + Math.round(p.size * 0.1));
  }
  const image = ctx.getImageData(0, 0, width, height);
  return { width, height, data: image.data };
}
