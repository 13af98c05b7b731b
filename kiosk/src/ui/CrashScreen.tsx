import { Component, type ErrorInfo, type ReactNode } from "react";
import { DICTIONARIES, isKioskLanguage } from "../i18n/i18n.js";

/** A kiosk that hit a bug starts afresh by itself, rather than stay frozen until someone notices. */
export const CRASH_RELOAD_MS = 10_000;

interface Props {
  children: ReactNode;
  /** On the kiosk, reload by itself; a visitor's phone waits for its owner to tap. */
  reloadBy?: "itself" | "visitor";
}

/**
 * The last line of defence against a blank screen: whatever a render throws, the visitor sees what
 * happened in the language they chose (the document's lang) and a way on.
 */
export class CrashScreen extends Component<Props, { crashed: boolean }> {
  override state = { crashed: false };
  private timer: number | undefined;

  static getDerivedStateFromError(): { crashed: boolean } {
    return { crashed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("The kiosk screen crashed", error, info.componentStack);
    if (this.props.reloadBy === "itself") this.timer = window.setTimeout(reload, CRASH_RELOAD_MS);
  }

  override componentWillUnmount(): void {
    window.clearTimeout(this.timer);
  }

  override render(): ReactNode {
    if (!this.state.crashed) return this.props.children;
    const lang = document.documentElement.lang;
    const t = DICTIONARIES[isKioskLanguage(lang) ? lang : "az"];
    return (
      <main className="kiosk-main">
        <section className="panel problem" role="alert">
          <h1>{t.crashTitle}</h1>
          <p className="lead">{t.crashText}</p>
          <div className="actions">
            <button type="button" className="button primary" onClick={reload}>
              {t.retry}
            </button>
          </div>
        </section>
      </main>
    );
  }
}

function reload(): void {
  window.location.reload();
}
