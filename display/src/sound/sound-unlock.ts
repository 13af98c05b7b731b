/** The part of AudioContext needed to learn whether the browser lets the page make sound. */
export type ResumableContext = Pick<AudioContext, "state" | "resume">;

/** How long to wait for resume(): a blocked context never settles it until the first click. */
const RESUME_WAIT_MS = 1_000;

/**
 * True when the browser blocks sound until someone interacts with the page. Browsers create the
 * context 'suspended' under their autoplay policy; if it is still suspended after asking to resume,
 * only a click will unlock it.
 */
export async function soundIsBlocked(context: ResumableContext): Promise<boolean> {
  if (context.state === "running") return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      context.resume(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, RESUME_WAIT_MS);
      }),
    ]);
  } catch {
    // A refused resume() means the same as one that never settles.
  } finally {
    clearTimeout(timer);
  }
  return context.state === "suspended";
}
