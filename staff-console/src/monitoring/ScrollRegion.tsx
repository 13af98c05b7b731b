import type { ReactNode } from "react";

/**
 * A wide table scrolls sideways inside its panel; the region takes focus so a keyboard can scroll
 * it too, and is named so a screen reader knows what it entered.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
