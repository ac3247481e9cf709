import { Anchor, Button, Checkbox, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call, idempotencyKey } from '../api/client';
import { useAuth } from '../app/auth';
import { useStaff } from '../users/staff';
import { Dialog } from '../ui/Dialog';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate, today } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { attendeeNames, reviewKeys, useReviews } from './queries';

function NewReviewDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const staff = useStaff(opened);
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(today());
  const [attendees, setAttendees] = useState<string[]>([]);
  const [key] = useState(idempotencyKey);
  const create = useAction(
    () =>
      call(
        api.POST('/api/management-reviews', {
          body: { title, heldOn, attendeeIds: attendees },
          headers: { 'Idempotency-Key': key },
        }),
      ),
    { invalidates: [reviewKeys.all], done: t('review.create.done') },
  );
  const errors = fieldErrors(t, create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined, { onSuccess: (r) => void navigate(`/management-reviews/${r.id}`) });
  };
  const people = (staff.data ?? []).filter((s) => s.active && s.roles.some((r) => r === 'board_member' || r === 'quality_manager'));
  return (
    <Dialog opened={opened} onClose={onClose} title={t('review.create.title')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('review.field.title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <TextInput
            type="date"
            label={t('review.field.heldOn')}
            required
            value={heldOn}
            onChange={(e) => setHeldOn(e.currentTarget.value)}
            error={errors.heldOn}
          />
          <Checkbox.Group label={t('review.field.attendees')} value={attendees} onChange={setAttendees} error={errors.attendeeIds}>
            <Stack gap={4} mt={4}>
              {people.map((p) => (
                <Checkbox key={p.id} value={p.id} label={p.name} />
              ))}
            </Stack>
          </Checkbox.Group>
          <ProblemAlert error={Object.keys(errors).length ? undefined : create.error} />
          <Button type="submit" loading={create.isPending} w="fit-content">
            {t('review.create.submit')}
          </Button>
        </Stack>
      </form>
    </Dialog>
  );
}

export function ReviewsPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const reviews = useReviews();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const state = params.get('state') === 'open' || params.get('state') === 'closed' ? params.get('state') : '';
  const items = (reviews.data ?? []).filter((r) => !state || r.state === state).sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  const pageSize = 25;
  const shown = Number(params.get('show')) > 0 ? Number(params.get('show')) : pageSize;
  return (
    <>
      <PageHeader
        title={t('review.list.title')}
        actions={
          hasRole('quality_manager', 'board_member') ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('review.create.action')}
            </Button>
          ) : null
        }
      />
      <form role="search" aria-label={t('review.filter.label')} onSubmit={(e) => e.preventDefault()}>
        <fieldset className="plain-fieldset">
          <legend>{t('review.field.state')}</legend>
          {(['', 'open', 'closed'] as const).map((s) => (
            <label key={s} className="radio-inline">
              <input
                type="radio"
                name="state"
                value={s}
                checked={state === s}
                onChange={() => {
                  const next = new URLSearchParams(params);
                  if (s) next.set('state', s);
                  else next.delete('state');
                  setParams(next, { replace: true });
                }}
              />{' '}
              {s ? t(`status.review.${s}`) : t('deviation.filter.all')}
            </label>
          ))}
        </fieldset>
      </form>
      <ProblemAlert error={reviews.error} onRetry={() => void reviews.refetch()} />
      {reviews.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text role="status">{t('review.list.empty')}</Text>
      ) : (
        <Stack>
          <DataTable
            caption={t('review.list.caption')}
            head={[
              t('review.field.title'),
              t('review.field.heldOn'),
              t('review.field.state'),
              t('review.field.attendees'),
              t('review.field.decisions'),
            ]}
          >
            {items.slice(0, shown).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/management-reviews/${r.id}`}>
                    {r.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(r.heldOn)}</Table.Td>
                <Table.Td>
                  <StatusBadge kind="review" value={r.state} />
                </Table.Td>
                <Table.Td>{attendeeNames(r).join(', ')}</Table.Td>
                <Table.Td>{r.decisions.length}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          {items.length > shown ? (
            <Button
              variant="default"
              w="fit-content"
              onClick={() => {
                const next = new URLSearchParams(params);
                next.set('show', String(shown + pageSize));
                setParams(next, { replace: true });
              }}
            >
              {t('action.more')}
            </Button>
          ) : null}
        </Stack>
      )}
      {creating ? <NewReviewDialog opened onClose={() => setCreating(false)} /> : null}
    </>
  );
}
