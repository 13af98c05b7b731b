export type SortDirection = "ascending" | "descending";

export interface SortOrder<K extends string> {
  key: K;
  direction: SortDirection;
}

/** A header clicked again turns its order round; another header starts ascending. */
export function nextOrder<K extends string>(current: SortOrder<K>, key: K): SortOrder<K> {
  if (current.key !== key) return { key, direction: "ascending" };
  return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
}

/**
 * Sorts by one value per row. Text compares in the reader's language; a missing figure (no visitor
 * yet today) goes last either way, since it is neither best nor worst. Ties keep a stable order.
 */
export function sortBy<T>(
  rows: readonly T[],
  value: (row: T) => string | number | null,
  direction: SortDirection,
  language: string,
): T[] {
  const collator = new Intl.Collator(language, { numeric: true });
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === "number" && typeof y === "number") return sign * (x - y);
    return sign * collator.compare(String(x), String(y));
  });
}
