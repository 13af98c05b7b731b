import type { I18n } from "../i18n/i18n.js";

/** Zones the demo centres use; a centre's own zone names show as they are. */
export function zoneLabel(zone: string, t: I18n["t"]): string {
  switch (zone) {
    case "ground":
      return t.zone.ground;
    case "first":
      return t.zone.first;
    case "main":
      return t.zone.main;
    default:
      return zone;
  }
}
