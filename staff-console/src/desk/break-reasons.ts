import type { Label } from "../i18n/i18n.js";

/**
 * Preset reasons travel as stable words, so reports and the monitoring screen can count and
 * translate them; anything else is sent as typed.
 */
export const BREAK_REASONS = ["lunch", "short_break", "meeting", "technical"] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];

export const BREAK_REASON_LABELS: Record<BreakReason, Label> = {
  lunch: (t) => t.break.lunch,
  short_break: (t) => t.break.short,
  meeting: (t) => t.break.meeting,
  technical: (t) => t.break.technical,
};

export const isPresetReason = (reason: string): reason is BreakReason =>
  (BREAK_REASONS as readonly string[]).includes(reason);
