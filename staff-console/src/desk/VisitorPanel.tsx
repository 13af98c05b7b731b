import type { Counter, Service, Ticket } from "@dost/shared";
import { useI18n, type Label } from "../i18n/i18n.js";
import { elapsedMs, formatDuration } from "../ui/format.js";
import { Kbd } from "../ui/Kbd.js";
import { useNow } from "../ui/useNow.js";
import type { Shortcut } from "../ui/useShortcuts.js";
import { SHORTCUTS } from "./shortcuts.js";
import {
  canCallNext,
  isActionEnabled,
  VISITOR_ACTIONS,
  type DeskLock,
  type PendingAction,
  type VisitorAction,
} from "./visitor-actions.js";

export interface VisitorPanelProps {
  /** The visitor called to or served at this counter, as the server last reported. */
  ticket: Ticket | null;
  service: Service | undefined;
  counterStatus: Counter["status"];
  lock: DeskLock;
  onCallNext(): void;
  onAction(action: VisitorAction): void;
  onUndo(): void;
  onSendNow(): void;
}

const ACTION_LABELS: Record<VisitorAction, Label> = {
  recall: (t) => t.action.recall,
  start: (t) => t.action.start,
  complete: (t) => t.action.complete,
  noShow: (t) => t.action.noShow,
  transfer: (t) => t.action.transfer,
  cancel: (t) => t.action.cancel,
};

/** The visitor at the counter: who, for what, how long, and the one-key actions their state allows. */
export function VisitorPanel(props: VisitorPanelProps) {
  const { ticket, service, counterStatus, lock } = props;
  const { t } = useI18n();

  return (
    <section className="panel visitor" aria-labelledby="visitor-heading">
      <h2 id="visitor-heading">{t.visitor.heading}</h2>
      {ticket ? (
        <VisitorCard ticket={ticket} service={service} />
      ) : (
        <p className="visitor-empty">
          {counterStatus === "open" ? t.visitor.none : t.visitor.counterNotOpen}
        </p>
      )}
      {lock.pending && (
        <PendingNotice pending={lock.pending} onUndo={props.onUndo} onSendNow={props.onSendNow} />
      )}
      <div className="actions" role="group" aria-label={t.visitor.actions}>
        <ActionButton
          label={t.action.callNext}
          shortcut={SHORTCUTS.callNext}
          enabled={canCallNext(counterStatus, ticket, lock)}
          onClick={props.onCallNext}
          primary
        />
        {VISITOR_ACTIONS.map((action) => (
          <ActionButton
            key={action}
            label={ACTION_LABELS[action](t)}
            shortcut={SHORTCUTS[action]}
            enabled={isActionEnabled(action, ticket, lock)}
            onClick={() => props.onAction(action)}
            danger={action === "cancel" || action === "noShow"}
          />
        ))}
      </div>
    </section>
  );
}

function VisitorCard({ ticket, service }: { ticket: Ticket; service: Service | undefined }) {
  const { t, local } = useI18n();
  const now = useNow();
  const waited = elapsedMs(ticket.issuedAt, ticket.calledAt ?? now);
  return (
    <div className="visitor-card">
      <p className="ticket-code" data-testid="current-code">
        {ticket.code}
      </p>
      <p className={`status status-${ticket.status}`}>{t.status[ticket.status]}</p>
      <dl className="facts">
        <dt>{t.visitor.service}</dt>
        <dd>{service ? `${service.prefix} · ${local(service.name)}` : "—"}</dd>
        <dt>{t.visitor.priority}</dt>
        <dd className={ticket.priority === "none" ? undefined : "priority-flag"}>
          {t.priority[ticket.priority]}
        </dd>
        <dt>{t.visitor.waited}</dt>
        <dd className="timer">{formatDuration(waited)}</dd>
        <dt>{t.visitor.sinceCalled}</dt>
        <dd className="timer" data-testid="since-called">
          {ticket.calledAt ? formatDuration(elapsedMs(ticket.calledAt, now)) : "—"}
        </dd>
        <dt>{t.visitor.sinceStarted}</dt>
        <dd className="timer" data-testid="since-started">
          {ticket.startedAt ? formatDuration(elapsedMs(ticket.startedAt, now)) : "—"}
        </dd>
      </dl>
    </div>
  );
}

function PendingNotice({
  pending,
  onUndo,
  onSendNow,
}: {
  pending: PendingAction;
  onUndo(): void;
  onSendNow(): void;
}) {
  const { t } = useI18n();
  const now = useNow(250);
  const seconds = Math.max(0, Math.ceil((pending.deadline - now) / 1000));
  return (
    // Not a live region: the desk's status line announces the hold once, not every second.
    <div className="pending">
      <p>{t.pending[pending.action]({ code: pending.ticket.code, seconds })}</p>
      <button type="button" className="button" onClick={onUndo} aria-keyshortcuts={SHORTCUTS.undo.aria}>
        {t.pending.undo} <Kbd shortcut={SHORTCUTS.undo} />
      </button>
      <button type="button" className="button subtle" onClick={onSendNow}>
        {t.pending.sendNow}
      </button>
    </div>
  );
}

function ActionButton({
  label,
  shortcut,
  enabled,
  onClick,
  primary,
  danger,
}: {
  label: string;
  shortcut: Shortcut;
  enabled: boolean;
  onClick(): void;
  primary?: boolean;
  danger?: boolean;
}) {
  const kind = primary ? "primary" : danger ? "danger" : "";
  return (
    <button
      type="button"
      className={`button action ${kind}`}
      disabled={!enabled}
      aria-keyshortcuts={shortcut.aria}
      onClick={onClick}
    >
      {label} <Kbd shortcut={shortcut} />
    </button>
  );
}
