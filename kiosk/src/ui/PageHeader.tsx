import { LanguageSwitch } from "./LanguageSwitch.js";

/** The band across the top of a page on a visitor's own phone or desktop. */
export function PageHeader({ title }: { title?: string }) {
  return (
    <header className="status-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          DOST
        </span>
        {title && <p className="centre-name">{title}</p>}
      </div>
      <LanguageSwitch />
    </header>
  );
}
