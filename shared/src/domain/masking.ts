/** Personal data as the public sees it: enough to recognise one's own booking, no more. */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((part) => (part.length <= 1 ? part : `${part[0]}${"*".repeat(Math.min(part.length - 1, 6))}`))
    .join(" ");
}

/** `+994501234567` → `+994*******67`: the country code and the last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length <= 4) return "**";
  const country = phone.startsWith("+") && digits.length > 9 ? `+${digits.slice(0, digits.length - 9)}` : "";
  return `${country}${"*".repeat(digits.length - country.replace("+", "").length - 2)}${digits.slice(-2)}`;
}

export function maskPin(pin: string): string {
  return pin.length <= 2 ? "**" : `${"*".repeat(pin.length - 2)}${pin.slice(-2)}`;
}
