import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { Dialog } from '../ui/Dialog';
import { IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, idempotencyKey } from '../api/client';
import { useUser } from '../app/auth';
import { FilterBar, FilterSelect, useShownRows, useUrlFilters } from '../ui/ListPage';
import { DataTable, Loading } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { formatDate, today } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { mayRecord } from './access';
import { participantLabel, programmeKeys, useParticipants, usePairs } from './queries';
import type { Pair, Participant, Programme } from './queries';

export function PairsTab({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const user = useUser();
  const pairs = usePairs(programme.id);
  const participants = useParticipants(programme.id);
  const [matching, setMatching] = useState(false);
  const [ending, setEnding] = useState<Pair>();
  const canRecord = mayRecord(user, programme);
  const byId = new Map((participants.data ?? []).map((p) => [p.id, p]));
  const label = (id: string, code: string) => participantLabel(byId.get(id), code);
  // Filters in the URL, so a filtered list can be shared and survives a reload.
  const filters = useUrlFilters();
  const q = filters.text('q')?.toLocaleLowerCase();
  const state = filters.oneOf('state', ['active', 'ended'] as const);
  const listed = (pairs.data ?? []).filter(
    (pair) =>
      (!state || (state === 'active') === pair.active) &&
      (!q || [label(pair.adeptId, pair.adeptCode), label(pair.mentorId, pair.mentorCode)].some((v) => v.toLocaleLowerCase().includes(q))),
  );
  const { shown, more } = useShownRows(listed);
  const filtered = q !== undefined || state !== undefined;

  return (
    <Stack>
      {canRecord ? (
        <Button w="fit-content" leftSection={<IconLink size={16} aria-hidden />} onClick={() => setMatching(true)}>
          {t('pair.match.action')}
        </Button>
      ) : null}
      <FilterBar label={t('pair.filter.label')} onClear={filtered ? filters.clear : undefined}>
        <TextInput
          label={t('pair.filter.text')}
          value={filters.text('q') ?? ''}
          onChange={(e) => filters.set('q', e.currentTarget.value)}
        />
        <FilterSelect
          label={t('pair.field.state')}
          value={state}
          options={[
            { value: 'active', label: t('pair.active') },
            { value: 'ended', label: t('pair.filter.ended') },
          ]}
          onChange={(v) => filters.set('state', v)}
        />
      </FilterBar>
      <ProblemAlert error={pairs.error} onRetry={() => void pairs.refetch()} />
      {pairs.isPending ? (
        <Loading />
      ) : pairs.data?.length === 0 ? (
        <Text>{t('pair.empty')}</Text>
      ) : listed.length === 0 ? (
        <Text role="status">{t('pair.noMatch')}</Text>
      ) : (
        <DataTable
          caption={t('pair.caption')}
          head={[
            t('pair.field.adept'),
            t('pair.field.mentor'),
            t('pair.field.matchedAt'),
            t('pair.field.rationale'),
            t('pair.field.state'),
            ...(canRecord ? [t('participant.actions')] : []),
          ]}
        >
          {shown.map((pair) => (
            <Table.Tr key={pair.id}>
              <Table.Td>{label(pair.adeptId, pair.adeptCode)}</Table.Td>
              <Table.Td>{label(pair.mentorId, pair.mentorCode)}</Table.Td>
              <Table.Td>{formatDate(pair.matchedAt)}</Table.Td>
              <Table.Td>{pair.rationale ?? '–'}</Table.Td>
              <Table.Td>
                {pair.active ? t('pair.active') : t('pair.ended', { date: formatDate(pair.endedAt), reason: pair.endReason ?? '' })}
              </Table.Td>
              {canRecord ? (
                <Table.Td>
                  {pair.active ? (
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="red"
                      onClick={() => setEnding(pair)}
                      aria-label={t('pair.end.labelFor', { who: label(pair.adeptId, pair.adeptCode) })}
                    >
                      {t('pair.end.action')}
                    </Button>
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {more}
      {matching && (
        <MatchDialog
          programme={programme}
          participants={participants.data ?? []}
          pairs={pairs.data ?? []}
          onClose={() => setMatching(false)}
        />
      )}
      {ending && <EndPairDialog programme={programme} pair={ending} onClose={() => setEnding(undefined)} />}
    </Stack>
  );
}

function MatchDialog(props: { programme: Programme; participants: Participant[]; pairs: Pair[]; onClose(): void }) {
  const { t } = useTranslation();
  const paired = new Set(props.pairs.filter((p) => p.active).map((p) => p.adeptId));
  const adepts = props.participants.filter((p) => p.role === 'adept' && p.status === 'active' && !paired.has(p.id));
  const mentors = props.participants.filter((p) => p.role === 'mentor' && p.status === 'active');
  const [key] = useState(idempotencyKey);
  const [form, setForm] = useState({ adeptId: adepts[0]?.id ?? '', mentorId: mentors[0]?.id ?? '', matchedAt: today(), rationale: '' });
  const match = useAction(
    () =>
      call(
        api.POST('/api/programmes/{id}/pairs', {
          params: { path: { id: props.programme.id } },
          headers: { 'Idempotency-Key': key },
          body: form,
        }),
      ),
    { invalidates: [programmeKeys.pairs(props.programme.id), programmeKeys.matrix(props.programme.id)], done: t('pair.match.done') },
  );
  const errors = fieldErrors(t, match.error);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    match.mutate(undefined, { onSuccess: props.onClose });
  };
  return (
    <Dialog opened onClose={props.onClose} title={t('pair.match.title')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <NativeSelect
            label={t('pair.field.adept')}
            required
            data={adepts.map((p) => ({ value: p.id, label: `${participantLabel(p)} · ${p.profession}` }))}
            value={form.adeptId}
            onChange={set('adeptId')}
            error={errors.adeptId}
          />
          <NativeSelect
            label={t('pair.field.mentor')}
            required
            data={mentors.map((p) => ({ value: p.id, label: `${participantLabel(p)} · ${p.profession}` }))}
            value={form.mentorId}
            onChange={set('mentorId')}
            error={errors.mentorId}
          />
          <TextInput
            type="date"
            label={t('pair.field.matchedAt')}
            required
            value={form.matchedAt}
            onChange={set('matchedAt')}
            error={errors.matchedAt}
          />
          <Textarea
            label={t('pair.field.rationale')}
            description={t('pair.match.rationaleHelp')}
            required
            value={form.rationale}
            onChange={set('rationale')}
            error={errors.rationale}
          />
          <ProblemAlert error={Object.keys(errors).length ? undefined : match.error} onRetry={() => match.mutate(undefined)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={match.isPending} disabled={!form.adeptId || !form.mentorId}>
              {t('pair.match.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function EndPairDialog({ programme, pair, onClose }: { programme: Programme; pair: Pair; onClose(): void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const end = useAction(() => call(api.POST('/api/pairs/{id}/end', { params: { path: { id: pair.id } }, body: { date, reason } })), {
    invalidates: [programmeKeys.pairs(programme.id), programmeKeys.matrix(programme.id)],
    done: t('pair.end.done'),
  });
  const errors = fieldErrors(t, end.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    end.mutate(undefined, { onSuccess: onClose });
  };
  return (
    <Dialog opened onClose={onClose} title={t('pair.end.title')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            type="date"
            label={t('participant.field.date')}
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.date}
          />
          <Textarea
            label={t('participant.field.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <ProblemAlert error={Object.keys(errors).length ? undefined : end.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" color="red" loading={end.isPending}>
              {t('pair.end.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
