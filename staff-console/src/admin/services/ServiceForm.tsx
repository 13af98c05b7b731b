import type { AdminService, CreateServiceBody, LocalizedText } from "@dost/shared";
import { useState, type FormEvent } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { useSession } from "../../session/session.js";
import { emptyText, Field, FailureNote, NumberField, TrilingualFields, useAction } from "../ui.js";

type Draft = Required<CreateServiceBody>;

function draftOf(service: AdminService | null): Draft {
  if (!service)
    return {
      code: "",
      prefix: "",
      name: emptyText(),
      category: "",
      documents: [],
      handlingMinutes: 10,
      targetWaitMinutes: 20,
      appointmentEnabled: false,
      slotMinutes: 20,
      slotCapacity: 2,
      active: true,
    };
  const { id: _id, createdAt: _created, ...rest } = service;
  return rest;
}

/** A catalogue entry (admin only): names and documents in three languages, times, and whether it is offered. */
export function ServiceForm({
  service,
  onSaved,
  onCancel,
}: {
  service: AdminService | null;
  onSaved(service: AdminService): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [draft, setDraft] = useState<Draft>(() => draftOf(service));
  const action = useAction();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run(async () =>
      onSaved(
        service ? await api.admin.patchService(service.id, draft) : await api.admin.createService(draft),
      ),
    );
  }

  function setDocument(index: number, value: LocalizedText) {
    set(
      "documents",
      draft.documents.map((d, i) => (i === index ? value : d)),
    );
  }

  return (
    <form className="admin-form" onSubmit={(e) => void submit(e)} aria-labelledby="service-form-title">
      <h2 id="service-form-title">
        {service ? t.admin.services.edit({ code: service.code }) : t.admin.services.new}
      </h2>
      <Field label={t.admin.services.code}>
        {(id) => (
          <input
            id={id}
            required
            value={draft.code}
            onChange={(e) => set("code", e.target.value.toUpperCase())}
          />
        )}
      </Field>
      <Field label={t.admin.services.prefix} hint={t.admin.services.prefixHint}>
        {(id) => (
          <input
            id={id}
            required
            maxLength={3}
            pattern="[A-Z]{1,3}"
            value={draft.prefix}
            onChange={(e) => set("prefix", e.target.value.toUpperCase())}
          />
        )}
      </Field>
      <TrilingualFields legend={t.admin.services.name} value={draft.name} onChange={(v) => set("name", v)} />
      <Field label={t.admin.services.category} hint={t.admin.services.categoryHint}>
        {(id) => (
          <input
            id={id}
            required
            value={draft.category}
            onChange={(e) => set("category", e.target.value.toLowerCase())}
          />
        )}
      </Field>
      <fieldset className="admin-fieldset">
        <legend>{t.admin.services.documents}</legend>
        {draft.documents.map((document, index) => (
          <div key={index} className="document-row">
            <TrilingualFields
              legend={t.admin.services.document({ n: index + 1 })}
              value={document}
              onChange={(v) => setDocument(index, v)}
            />
            <button
              type="button"
              className="button small subtle"
              onClick={() =>
                set(
                  "documents",
                  draft.documents.filter((_, i) => i !== index),
                )
              }
            >
              {t.admin.services.removeDocument({ n: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button small"
          onClick={() => set("documents", [...draft.documents, emptyText()])}
        >
          {t.admin.services.addDocument}
        </button>
      </fieldset>
      <NumberField
        label={t.admin.services.handling}
        min={1}
        max={480}
        value={draft.handlingMinutes}
        onChange={(value) => set("handlingMinutes", value)}
      />
      <NumberField
        label={t.admin.services.target}
        min={1}
        max={480}
        value={draft.targetWaitMinutes}
        onChange={(value) => set("targetWaitMinutes", value)}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={draft.appointmentEnabled}
          onChange={(e) => set("appointmentEnabled", e.target.checked)}
        />{" "}
        {t.admin.services.appointments}
      </label>
      <NumberField
        label={t.admin.services.slotMinutes}
        min={5}
        max={240}
        value={draft.slotMinutes}
        onChange={(value) => set("slotMinutes", value)}
      />
      <NumberField
        label={t.admin.services.slotCapacity}
        min={0}
        max={100}
        value={draft.slotCapacity}
        onChange={(value) => set("slotCapacity", value)}
      />
      <label className="check">
        <input type="checkbox" checked={draft.active} onChange={(e) => set("active", e.target.checked)} />{" "}
        {t.admin.active}
      </label>
      <FailureNote failure={action.failure} />
      <p className="form-actions">
        <button type="submit" className="button primary" disabled={action.busy}>
          {service ? t.admin.save : t.admin.services.create}
        </button>
        <button type="button" className="button subtle" onClick={onCancel}>
          {t.admin.cancel}
        </button>
      </p>
    </form>
  );
}
