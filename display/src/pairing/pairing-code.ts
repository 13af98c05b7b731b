/**
 * The one-time pairing code of a pairing link (read by the kit's takePairingFromAddress) (`/display/?pair=123456`, the link the console shows
 * as a QR). It is taken out of the address before the display starts, so neither the code nor the
 * key it becomes stays in the address bar or the history.
 */
export const PAIRING_CODE = /^\d{6}$/;
