/**
 * The apps' client kit (`@dost/shared/client`): browser code shared by the kiosk, the display and
 * the staff console. Kept out of the package's main entry, which the server imports.
 */
export * from "./http.js";
export * from "./routes.js";
export * from "./device-key.js";
export * from "./calendar.js";
export * from "./live.js";
export * from "./spoken-letters.js";
export * from "./i18n.js";
