import type { Centre } from "@dost/shared";
import { useEffect, useState } from "react";
import { useSession } from "../session/session.js";

/** The centres (public): names for the top bar, timezones for clock times, an admin's choice. */
export function useCentres(): Centre[] | null {
  const { api } = useSession();
  const [centres, setCentres] = useState<Centre[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = (attempt: number) =>
      api.centres().then(
        (list) => live && setCentres(list),
        () => live && attempt < 5 && setTimeout(() => void load(attempt + 1), 2000 * (attempt + 1)),
      );
    void load(0);
    return () => {
      live = false;
    };
  }, [api]);
  return centres;
}
