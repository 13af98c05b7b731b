/**
 * Chart colours, each at least 3:1 against white (WCAG 1.4.11) and told apart by more than hue:
 * the legend and the table say which is which, and lines differ in dash as well.
 */
export const CHART = {
  issued: "#0b5cad",
  served: "#1d6b3a",
  average: "#0b5cad",
  p90: "#a8251c",
  bins: "#4f5b6e",
  grid: "#d5dbe4",
  axis: "#4f5b6e",
} as const;

/** One height for every chart, so a dashboard lines up. */
export const CHART_HEIGHT = 220;
