-- The ticket event log is the audit trail: rows are added, never changed or removed.
CREATE FUNCTION ticket_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ticket_events is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ticket_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON ticket_events
  FOR EACH ROW EXECUTE FUNCTION ticket_events_append_only();
--> statement-breakpoint
-- Used by @socket.io/postgres-adapter to pass payloads too large for NOTIFY between processes.
CREATE TABLE IF NOT EXISTS socket_io_attachments (
  id bigserial UNIQUE,
  created_at timestamptz DEFAULT now(),
  payload bytea
);
