/** A two-note "ding-dong" (E5 then C5), soft attack and long decay: noticed in a noisy hall, not shrill. */
const NOTES = [
  { frequency: 659.25, start: 0 },
  { frequency: 523.25, start: 0.45 },
];
const NOTE_SECONDS = 1.1;
export const CHIME_MS = Math.round((NOTES[NOTES.length - 1]?.start ?? 0) * 1000 + NOTE_SECONDS * 1000);

/** The part of AudioContext the chime uses; a narrow type so tests can fake it. */
export type ChimeContext = Pick<
  BaseAudioContext,
  "currentTime" | "destination" | "state" | "createOscillator" | "createGain"
>;

/**
 * Plays the chime and resolves when it has faded out, so speech never talks over it. Nothing is
 * kept: each note's nodes are disconnected when it ends and left to the garbage collector.
 */
export function playChime(context: ChimeContext): Promise<void> {
  if (context.state !== "running") return Promise.resolve();
  const t0 = context.currentTime + 0.05;
  for (const note of NOTES) {
    const gain = context.createGain();
    gain.gain.setValueAtTime(0.0001, t0 + note.start);
    gain.gain.exponentialRampToValueAtTime(0.35, t0 + note.start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + note.start + NOTE_SECONDS);
    gain.connect(context.destination);
    // A sine with a quieter octave above gives a bell-like tone without any audio file.
    for (const [multiple, level] of [
      [1, 1],
      [2, 0.25],
    ] as const) {
      const oscillator = context.createOscillator();
      const partial = context.createGain();
      oscillator.type = "sine";
      oscillator.frequency.value = note.frequency * multiple;
      partial.gain.value = level;
      oscillator.connect(partial).connect(gain);
      oscillator.onended = () => {
        oscillator.disconnect();
        partial.disconnect();
        if (multiple === 1) gain.disconnect();
      };
      oscillator.start(t0 + note.start);
      oscillator.stop(t0 + note.start + NOTE_SECONDS + 0.05);
    }
  }
  return new Promise((resolve) => setTimeout(resolve, CHIME_MS + 50));
}
