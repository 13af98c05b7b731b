import { ensureTemplates } from "./database.js";

/** Builds the template databases once, before any worker starts cloning them. */
export default async function setup(): Promise<void> {
  await ensureTemplates();
}
