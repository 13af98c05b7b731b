import { chromium, type Browser, type BrowserContext } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Debian's Chromium, headless. The flags keep it from reaching for Google's services, which this
 * network refuses, and let it run as root in a container.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
}

/**
 * Sets the browser's clock to the server's (read from its Date header), with time flowing on from
 * there, as a hall PC kept by NTP agrees with the server. Tests run the server on a working morning
 * whatever the hour, so a page that compares the server's times with its own needs this.
 */
export async function alignClockWithServer(context: BrowserContext, baseUrl: string): Promise<void> {
  const answer = await fetch(`${baseUrl}/health`);
  const date = answer.headers.get("date");
  if (!date) throw new Error("the server sent no Date header");
  await context.clock.setSystemTime(new Date(date));
}
