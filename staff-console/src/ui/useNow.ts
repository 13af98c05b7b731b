import { useEffect, useState } from "react";
import { serverNow } from "../api/server-clock.js";

/**
 * The server's current time, ticking once a second, so every timer on the screen agrees with the
 * times the server stamped even when this PC's clock is off.
 */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const id = setInterval(() => setNow(serverNow()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
