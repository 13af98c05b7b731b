import { LanguageSwitch } from "../ui/LanguageSwitch.js";

/** The band across the top of every kiosk screen: who runs this kiosk, and the language switch. */
export function KioskHeader({ centreName }: { centreName?: string }) {
  return (
    <header className="kiosk-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          DOST
        </span>
        {centreName && <p className="centre-name">{centreName}</p>}
      </div>
      <LanguageSwitch />
    </header>
  );
}
