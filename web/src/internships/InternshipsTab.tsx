import { Button, Group, NativeSelect, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { IconBriefcase } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, idempotencyKey } from '../api/client';
import { useUser } from '../app/auth';
import { useOrganisations } from '../organisations/queries';
import { mayRecord } from '../programmes/access';
import { participantLabel, useParticipants } from '../programmes/queries';
import type { Programme } from '../programmes/queries';
import { Dialog } from '../ui/Dialog';
import { Loading } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { today } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { InternshipDetail } from './InternshipDetail';
import { InternshipsTable } from './InternshipsTable';
import { INTERNSHIP_OUTCOMES, adeptLabel, internshipKeys, useProgrammeInternships } from './queries';
import type { Internship, InternshipOutcome } from './queries';

/** The programme's internships: who is placed where, from when to when, and how it ended; leaders place and record outcomes. */
export function InternshipsTab({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const user = useUser();
  const internships = useProgrammeInternships(programme.id);
  const [placing, setPlacing] = useState(false);
  const [recording, setRecording] = useState<Internship>();
  const [viewing, setViewing] = useState<Internship>();
  const canRecord = mayRecord(user, programme);
  return (
    <Stack>
      {canRecord ? (
        <Button w="fit-content" leftSection={<IconBriefcase size={16} aria-hidden />} onClick={() => setPlacing(true)}>
          {t('internship.place.action')}
        </Button>
      ) : null}
      <ProblemAlert error={internships.error} onRetry={() => void internships.refetch()} />
      {internships.isPending ? (
        <Loading />
      ) : (
        <InternshipsTable
          items={internships.data?.items ?? []}
          caption={t('internship.caption')}
          show="host"
          onOutcome={(i) => setRecording(i)}
          onHistory={(i) => setViewing(i)}
        />
      )}
      {placing && <PlaceDialog programme={programme} onClose={() => setPlacing(false)} />}
      {viewing && <InternshipDetail internship={viewing} onClose={() => setViewing(undefined)} />}
      {recording && <OutcomeDialog programme={programme} internship={recording} onClose={() => setRecording(undefined)} />}
    </Stack>
  );
}

function PlaceDialog({ programme, onClose }: { programme: Programme; onClose(): void }) {
  const { t } = useTranslation();
  const participants = useParticipants(programme.id);
  const organisations = useOrganisations({ active: true }, 500);
  const adepts = (participants.data ?? []).filter((p) => p.role === 'adept' && p.status !== 'withdrawn');
  const hosts = organisations.data?.pages.flatMap((p) => p.items) ?? [];
  const [key] = useState(idempotencyKey);
  const [form, setForm] = useState({
    participantId: '',
    organisationId: '',
    supervisorName: '',
    supervisorRole: '',
    supervisorEmail: '',
    startDate: today(),
    endDate: '',
    hoursPerWeek: '' as number | string,
  });
  const participantId = form.participantId || adepts[0]?.id || '';
  const organisationId = form.organisationId || hosts[0]?.id || '';
  const place = useAction(
    () =>
      call(
        api.POST('/api/programmes/{id}/internships', {
          params: { path: { id: programme.id } },
          headers: { 'Idempotency-Key': key },
          body: {
            participantId,
            organisationId,
            supervisorName: form.supervisorName,
            supervisorRole: form.supervisorRole,
            supervisorEmail: form.supervisorEmail.trim() || undefined,
            startDate: form.startDate,
            endDate: form.endDate,
            hoursPerWeek: typeof form.hoursPerWeek === 'number' ? form.hoursPerWeek : undefined,
          },
        }),
      ),
    { invalidates: [internshipKeys.all], done: t('internship.place.done') },
  );
  const errors = fieldErrors(t, place.error);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    place.mutate(undefined, { onSuccess: onClose });
  };
  return (
    <Dialog opened onClose={onClose} title={t('internship.place.title')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <NativeSelect
            label={t('internship.field.adept')}
            required
            data={adepts.map((p) => ({ value: p.id, label: `${participantLabel(p)} · ${p.profession}` }))}
            value={participantId}
            onChange={set('participantId')}
            error={errors.participantId}
          />
          <NativeSelect
            label={t('internship.field.host')}
            description={t('internship.place.hostHelp')}
            required
            data={hosts.map((o) => ({ value: o.id, label: o.name }))}
            value={organisationId}
            onChange={set('organisationId')}
            error={errors.organisationId}
          />
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
          <ProblemAlert error={Object.keys(errors).length ? undefined : place.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={place.isPending} disabled={!participantId || !organisationId}>
              {t('internship.place.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function OutcomeDialog({ programme, internship, onClose }: { programme: Programme; internship: Internship; onClose(): void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<InternshipOutcome>('completed');
  const [endedOn, setEndedOn] = useState(internship.endDate < today() ? internship.endDate : today());
  const [note, setNote] = useState('');
  const record = useAction(
    () =>
      call(
        api.POST('/api/internships/{id}/outcome', {
          params: { path: { id: internship.id }, header: { 'If-Match': `"${internship.version}"` } },
          body: { outcome, endedOn, note: note.trim() || undefined },
        }),
      ),
    { invalidates: [internshipKeys.all, internshipKeys.ofProgramme(programme.id)], done: t('internship.outcome.done') },
  );
  const errors = fieldErrors(t, record.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(undefined, { onSuccess: onClose });
  };
  return (
    <Dialog opened onClose={onClose} title={t('internship.outcome.title', { who: adeptLabel(internship) })}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <NativeSelect
            label={t('internship.field.outcome')}
            required
            data={INTERNSHIP_OUTCOMES.map((o) => ({ value: o, label: t(`status.internshipOutcome.${o}`) }))}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value as InternshipOutcome)}
            error={errors.outcome}
          />
          <TextInput
            type="date"
            label={t('internship.field.endedOn')}
            required
            value={endedOn}
            onChange={(e) => setEndedOn(e.currentTarget.value)}
            error={errors.endedOn}
          />
          <Textarea
            label={t('internship.field.note')}
            description={t('internship.outcome.noteHelp')}
            required={outcome === 'other'}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
          />
          <ProblemAlert error={Object.keys(errors).length ? undefined : record.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('internship.outcome.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
