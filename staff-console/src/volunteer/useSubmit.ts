import { useState } from "react";
import { failureKey, type VolunteerFailure } from "./failure.js";

/**
 * The volunteer's forms submit the same way: one request at a time, the last failure shown by its
 * reason. A success leaves the form busy, because the form gives way to the ticket it produced.
 */
export function useSubmit<T>(onDone: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<VolunteerFailure | null>(null);

  async function submit(request: () => Promise<T>) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      onDone(await request());
    } catch (error) {
      setFailure(failureKey(error));
      setBusy(false);
    }
  }

  return { busy, failure, setFailure, submit };
}
