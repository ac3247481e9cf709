import { Button, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, idempotencyKey } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { ORGANISATION_SECTORS, organisationKeys } from './queries';
import type { Organisation, OrganisationSector } from './queries';

interface Values {
  name: string;
  sector: OrganisationSector;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
  active: boolean;
  reason: string;
}

/** Records a new organisation, or revises one (with a reason, under its version). */
export function OrganisationDialog({ organisation, onClose }: { organisation?: Organisation; onClose(): void }) {
  const { t } = useTranslation();
  const [key] = useState(idempotencyKey);
  const [form, setForm] = useState<Values>({
    name: organisation?.name ?? '',
    sector: organisation?.sector ?? 'private',
    contactName: organisation?.contactName ?? '',
    contactEmail: organisation?.contactEmail ?? '',
    contactPhone: organisation?.contactPhone ?? '',
    notes: organisation?.notes ?? '',
    active: organisation?.active ?? true,
    reason: '',
  });
  const blank = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const save = useAction(
    () => {
      if (!organisation) {
        return call(
          api.POST('/api/organisations', {
            headers: { 'Idempotency-Key': key },
            body: {
              name: form.name,
              sector: form.sector,
              contactName: blank(form.contactName),
              contactEmail: blank(form.contactEmail),
              contactPhone: blank(form.contactPhone),
              notes: blank(form.notes),
            },
          }),
        );
      }
      const orNull = (v: string) => blank(v) ?? null;
      return call(
        api.POST('/api/organisations/{id}/revisions', {
          params: { path: { id: organisation.id }, header: { 'If-Match': `"${organisation.version}"` } },
          body: {
            reason: form.reason,
            ...(form.name !== organisation.name ? { name: form.name } : {}),
            ...(form.sector !== organisation.sector ? { sector: form.sector } : {}),
            ...(orNull(form.contactName) !== organisation.contactName ? { contactName: orNull(form.contactName) } : {}),
            ...(orNull(form.contactEmail) !== organisation.contactEmail ? { contactEmail: orNull(form.contactEmail) } : {}),
            ...(orNull(form.contactPhone) !== organisation.contactPhone ? { contactPhone: orNull(form.contactPhone) } : {}),
            ...(orNull(form.notes) !== organisation.notes ? { notes: orNull(form.notes) } : {}),
            ...(form.active !== organisation.active ? { active: form.active } : {}),
          },
        }),
      );
    },
    { invalidates: [organisationKeys.all], done: organisation ? t('organisation.revise.done') : t('organisation.create.done') },
  );
  const errors = fieldErrors(t, save.error);
  const set = (k: keyof Values) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined, { onSuccess: onClose });
  };
  return (
    <Dialog opened onClose={onClose} title={organisation ? t('organisation.revise.title') : t('organisation.create.title')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('organisation.field.name')} required value={form.name} onChange={set('name')} error={errors.name} />
          <NativeSelect
            label={t('organisation.field.sector')}
            required
            data={ORGANISATION_SECTORS.map((s) => ({ value: s, label: t(`organisation.sector.${s}`) }))}
            value={form.sector}
            onChange={set('sector')}
            error={errors.sector}
          />
          <TextInput
            label={t('organisation.field.contactName')}
            value={form.contactName}
            onChange={set('contactName')}
            error={errors.contactName}
          />
          <TextInput
            type="email"
            label={t('organisation.field.contactEmail')}
            value={form.contactEmail}
            onChange={set('contactEmail')}
            error={errors.contactEmail}
          />
          <TextInput
            type="tel"
            label={t('organisation.field.contactPhone')}
            value={form.contactPhone}
            onChange={set('contactPhone')}
            error={errors.contactPhone}
          />
          <Textarea label={t('organisation.field.notes')} value={form.notes} onChange={set('notes')} error={errors.notes} />
          {organisation ? (
            <>
              <NativeSelect
                label={t('organisation.field.active')}
                data={[
                  { value: 'true', label: t('status.organisation.active') },
                  { value: 'false', label: t('status.organisation.inactive') },
                ]}
                value={String(form.active)}
                onChange={(e) => setForm({ ...form, active: e.currentTarget.value === 'true' })}
                error={errors.active}
              />
              <Textarea
                label={t('organisation.field.reason')}
                required
                value={form.reason}
                onChange={set('reason')}
                error={errors.reason}
              />
            </>
          ) : null}
          <ProblemAlert error={Object.keys(errors).length ? undefined : save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
