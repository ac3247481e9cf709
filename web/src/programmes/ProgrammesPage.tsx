import { Anchor, Button, Checkbox, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Dialog } from '../ui/Dialog';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call, idempotencyKey } from '../api/client';
import { useAuth } from '../app/auth';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { programmeKeys, useProgrammes } from './queries';
import type { Programme } from './queries';
import { Table } from '@mantine/core';

export function ProgrammesPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const programmes = useProgrammes();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('programme.list.title')}
        actions={
          hasRole('quality_manager') ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('programme.create.action')}
            </Button>
          ) : null
        }
      />
      <ProblemAlert error={programmes.error} onRetry={() => void programmes.refetch()} />
      {programmes.isPending ? (
        <Loading />
      ) : programmes.data && programmes.data.length === 0 ? (
        <Text>{t('programme.list.empty')}</Text>
      ) : (
        <DataTable
          caption={t('programme.list.caption')}
          head={[t('programme.field.name'), t('programme.field.status'), t('programme.field.period'), t('programme.field.leaders')]}
        >
          {programmes.data?.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/programmes/${p.id}`}>
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge kind="programme" value={p.status} />
              </Table.Td>
              <Table.Td>
                {formatDate(p.startDate)} – {formatDate(p.endDate)}
              </Table.Td>
              <Table.Td>{p.leaders.map((l) => l.name).join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {creating && <CreateProgramme programmes={programmes.data ?? []} onClose={() => setCreating(false)} />}
    </>
  );
}

/**
 * Quality managers create a programme (planned) and activate it from its page. Leaders are chosen
 * among the programme leaders the console knows from existing programmes: the API offers quality
 * managers no list of staff.
 */
function CreateProgramme({ programmes, onClose }: { programmes: Programme[]; onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const leaders = useMemo(() => {
    const byId = new Map<string, string>();
    for (const p of programmes) for (const l of p.leaders) byId.set(l.id, l.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [programmes]);
  const [form, setForm] = useState({ name: '', description: '', targetGroup: '', startDate: '', endDate: '', leaderIds: [] as string[] });
  const [key] = useState(idempotencyKey);
  const create = useAction(() => call(api.POST('/api/programmes', { body: form, headers: { 'Idempotency-Key': key } })), {
    invalidates: [programmeKeys.all],
    done: t('programme.create.done'),
  });
  const errors = fieldErrors(t, create.error);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined, { onSuccess: (p) => void navigate(`/programmes/${p.id}`) });
  };
  return (
    <Dialog opened onClose={onClose} title={t('programme.create.title')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('programme.field.name')} required value={form.name} onChange={set('name')} error={errors.name} />
          <Textarea
            label={t('programme.field.description')}
            required
            autosize
            minRows={2}
            value={form.description}
            onChange={set('description')}
            error={errors.description}
          />
          <TextInput
            label={t('programme.field.targetGroup')}
            required
            value={form.targetGroup}
            onChange={set('targetGroup')}
            error={errors.targetGroup}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('programme.field.startDate')}
              required
              value={form.startDate}
              onChange={set('startDate')}
              error={errors.startDate}
            />
            <TextInput
              type="date"
              label={t('programme.field.endDate')}
              required
              value={form.endDate}
              onChange={set('endDate')}
              error={errors.endDate}
            />
          </Group>
          <Checkbox.Group
            label={t('programme.field.leaders')}
            description={leaders.length === 0 ? t('programme.create.noLeaders') : undefined}
            value={form.leaderIds}
            onChange={(leaderIds) => setForm({ ...form, leaderIds })}
            error={errors.leaderIds}
          >
            <Stack gap={4} mt={4}>
              {leaders.map((l) => (
                <Checkbox key={l.id} value={l.id} label={l.name} />
              ))}
            </Stack>
          </Checkbox.Group>
          <ProblemAlert error={Object.keys(errors).length ? undefined : create.error} onRetry={() => create.mutate(undefined)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('programme.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
