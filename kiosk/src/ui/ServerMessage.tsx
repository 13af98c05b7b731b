import { useI18n } from "../i18n/i18n.js";

/**
 * The server's own words under our translated explanation. They are English and may say more
 * (the hour check-in opens), so they are shown, marked as English for screen readers.
 */
export function ServerMessage({ message }: { message: string | undefined }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <p className="server-message">
      <span>{t.manage.serverSaid}</span> <q lang="en">{message}</q>
    </p>
  );
}
