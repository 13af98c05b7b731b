/**
 * Where a kiosk's network receipt printer listens: `host` or `host:port`, the port being the raw
 * printing port (9100) unless said otherwise. Kept as one normalised string, `host:port`.
 */
export const DEFAULT_PRINTER_PORT = 9100;

export interface PrinterAddress {
  host: string;
  port: number;
}

// A DNS name (letters, digits, hyphens, dots) or an IPv4 address; an IPv6 address in brackets.
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])$/;

/** The address, or null when it is not one: a bad host, or a port outside 1–65535. */
export function parsePrinterAddress(text: string): PrinterAddress | null {
  const trimmed = text.trim();
  const match = /^(.*?)(?::(\d{1,5}))?$/.exec(trimmed);
  if (!match) return null;
  const [, host = "", portText] = match;
  if (host.length === 0 || host.length > 253 || !HOST.test(host)) return null;
  const port = portText === undefined ? DEFAULT_PRINTER_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) return null;
  // A bracketless host with a colon left in it is an IPv6 address without brackets: ambiguous.
  return { host: host.startsWith("[") ? host.slice(1, -1) : host, port };
}

export const formatPrinterAddress = ({ host, port }: PrinterAddress): string =>
  `${host.includes(":") ? `[${host}]` : host}:${port}`;

/** `host:port` as stored, from what a manager typed; null when it is not an address. */
export function normalisePrinterAddress(text: string): string | null {
  const parsed = parsePrinterAddress(text);
  return parsed ? formatPrinterAddress(parsed) : null;
}
