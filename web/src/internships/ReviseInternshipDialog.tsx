import { Alert, Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { INTERNSHIP_OUTCOMES, adeptLabel, internshipKeys } from './queries';
import type { Internship, InternshipOutcome } from './queries';

type Revise = Schemas['ReviseInternshipRequest'];

interface FormState {
  supervisorName: string;
  supervisorRole: string;
  supervisorEmail: string;
  startDate: string;
  endDate: string;
  hoursPerWeek: number | string;
  outcome: InternshipOutcome | '';
  endedOn: string;
  note: string;
  reason: string;
}

function initial(i: Internship): FormState {
  return {
    supervisorName: i.supervisorName,
    supervisorRole: i.supervisorRole,
    supervisorEmail: i.supervisorEmail ?? '',
    startDate: i.startDate,
    endDate: i.endDate,
    hoursPerWeek: i.hoursPerWeek ?? '',
    outcome: i.outcome ?? '',
    endedOn: i.endedOn ?? '',
    note: i.outcomeNote ?? '',
    reason: '',
  };
}

/** Only what the person changed goes to the server: a revision records what changed and why, nothing else. */
export function revisionBody(i: Internship, f: FormState): Revise {
  const body: Revise = { reason: f.reason.trim() };
  if (f.supervisorName.trim() !== i.supervisorName) body.supervisorName = f.supervisorName.trim();
  if (f.supervisorRole.trim() !== i.supervisorRole) body.supervisorRole = f.supervisorRole.trim();
  const email = f.supervisorEmail.trim() || null;
  if (email !== (i.supervisorEmail ?? null)) body.supervisorEmail = email;
  if (f.startDate !== i.startDate) body.startDate = f.startDate;
  if (f.endDate !== i.endDate) body.endDate = f.endDate;
  const hours = typeof f.hoursPerWeek === 'number' ? f.hoursPerWeek : null;
  if (hours !== (i.hoursPerWeek ?? null)) body.hoursPerWeek = hours;
  if (i.outcome) {
    if (f.outcome && f.outcome !== i.outcome) body.outcome = f.outcome;
    if (f.endedOn && f.endedOn !== i.endedOn) body.endedOn = f.endedOn;
    const note = f.note.trim() || null;
    if (note !== (i.outcomeNote ?? null)) body.note = note;
  }
  return body;
}

/**
 * Change the plan of a placement (supervisor, dates, hours) or correct its recorded outcome:
 * a new revision with a reason; the earlier revision stays in the history.
 */
export function ReviseInternshipDialog({ internship, onClose }: { internship: Internship; onClose(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => initial(internship));
  const body = revisionBody(internship, form);
  const revise = useAction(
    () =>
      call(
        api.POST('/api/internships/{id}/revisions', {
          params: { path: { id: internship.id }, header: { 'If-Match': `"${internship.version}"` } },
          body,
        }),
      ),
    {
      invalidates: [internshipKeys.all, internshipKeys.history(internship.id)],
      done: t('internship.revise.done'),
    },
  );
  const errors = fieldErrors(t, revise.error);
  const [unchanged, setUnchanged] = useState(false);
  const set = (k: keyof FormState) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Said here rather than sent: a revision that changes nothing is refused by the server anyway.
    const nothing = Object.keys(body).length === 1;
    setUnchanged(nothing);
    if (!nothing) revise.mutate(undefined, { onSuccess: onClose });
  };
  return (
    <Dialog opened onClose={onClose} title={t('internship.revise.title', { who: adeptLabel(internship) })}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">{t('internship.revise.intro')}</Text>
          <TextInput
            label={t('internship.field.supervisorName')}
            required
            value={form.supervisorName}
            onChange={set('supervisorName')}
            error={errors.supervisorName}
          />
          <TextInput
            label={t('internship.field.supervisorRole')}
            required
            value={form.supervisorRole}
            onChange={set('supervisorRole')}
            error={errors.supervisorRole}
          />
          <TextInput
            type="email"
            label={t('internship.field.supervisorEmail')}
            value={form.supervisorEmail}
            onChange={set('supervisorEmail')}
            error={errors.supervisorEmail}
          />
          <TextInput
            type="date"
            label={t('internship.field.startDate')}
            required
            value={form.startDate}
            onChange={set('startDate')}
            error={errors.startDate}
          />
          <TextInput
            type="date"
            label={t('internship.field.endDate')}
            required
            value={form.endDate}
            onChange={set('endDate')}
            error={errors.endDate}
          />
          <NumberInput
            label={t('internship.field.hoursPerWeek')}
            min={1}
            max={60}
            value={form.hoursPerWeek}
            onChange={(v) => setForm({ ...form, hoursPerWeek: v })}
            error={errors.hoursPerWeek}
          />
          {internship.outcome ? (
            <>
              <NativeSelect
                label={t('internship.field.outcome')}
                required
                data={INTERNSHIP_OUTCOMES.map((o) => ({ value: o, label: t(`status.internshipOutcome.${o}`) }))}
                value={form.outcome}
                onChange={set('outcome')}
                error={errors.outcome}
              />
              <TextInput
                type="date"
                label={t('internship.field.endedOn')}
                required
                value={form.endedOn}
                onChange={set('endedOn')}
                error={errors.endedOn}
              />
              <Textarea
                label={t('internship.field.note')}
                description={t('internship.outcome.noteHelp')}
                required={form.outcome === 'other'}
                value={form.note}
                onChange={set('note')}
                error={errors.note}
              />
            </>
          ) : null}
          <Textarea
            label={t('internship.revise.reason')}
            description={t('internship.revise.reasonHelp')}
            required
            minLength={3}
            value={form.reason}
            onChange={set('reason')}
            error={errors.reason}
          />
          {unchanged ? (
            <Alert role="alert" color="yellow" icon={<IconInfoCircle aria-hidden />}>
              {t('internship.revise.nothing')}
            </Alert>
          ) : null}
          <ProblemAlert error={Object.keys(errors).length ? undefined : revise.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={revise.isPending}>
              {t('internship.revise.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
