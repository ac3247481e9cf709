import { Anchor, Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../api/client';
import { useUser } from '../app/auth';
import { useStaff } from '../users/staff';
import { Dialog } from '../ui/Dialog';
import { FilterBar, FilterSelect, useUrlFilters } from '../ui/ListPage';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { ACKNOWLEDGING_ROLES, DOCUMENT_KINDS, documentKeys, useDocuments } from './queries';
import type { DocumentFilters, DocumentKind } from './queries';

const OWNER_ROLES = ['quality_manager', 'programme_leader', 'board_member'];

/** A quality manager creates a document: its kind, title, owner and review interval; version 1 starts as a draft. */
function NewDocumentDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const staff = useStaff(opened);
  const [kind, setKind] = useState<DocumentKind>('quality_policy');
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState(user.id);
  const [months, setMonths] = useState<number | string>(12);
  const [roles, setRoles] = useState<string[]>([]);
  const create = useAction(
    () =>
      call(
        api.POST('/api/documents', {
          body: {
            kind,
            title,
            ownerId,
            reviewIntervalMonths: Number(months),
            acknowledgementRoles: roles as (typeof ACKNOWLEDGING_ROLES)[number][],
          },
        }),
      ),
    { invalidates: [documentKeys.all], done: t('document.create.done') },
  );
  const errors = fieldErrors(t, create.error);
  const owners = (staff.data ?? []).filter((s) => s.active && s.roles.some((r) => OWNER_ROLES.includes(r)));
  return (
    <Dialog opened={opened} onClose={onClose} title={t('document.create.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(undefined, { onSuccess: (doc) => void navigate(`/documents/${doc.id}`) });
        }}
      >
        <Stack gap="sm">
          <NativeSelect
            label={t('document.field.kind')}
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`document.kind.${k}`) }))}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as DocumentKind)}
          />
          <TextInput
            label={t('document.field.title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <NativeSelect
            label={t('document.field.owner')}
            data={(owners.some((o) => o.id === user.id) ? owners : [{ id: user.id, name: user.name }, ...owners]).map((o) => ({
              value: o.id,
              label: o.name,
            }))}
            value={ownerId}
            onChange={(e) => setOwnerId(e.currentTarget.value)}
            error={errors.ownerId}
          />
          <NumberInput
            label={t('document.field.reviewInterval')}
            min={1}
            max={60}
            value={months}
            onChange={setMonths}
            error={errors.reviewIntervalMonths ?? errors.reviewBy}
          />
          <Checkbox.Group
            label={t('document.field.acknowledgementRoles')}
            description={t('document.field.acknowledgementRolesHelp')}
            value={roles}
            onChange={setRoles}
          >
            <Group gap="md" mt={4}>
              {ACKNOWLEDGING_ROLES.map((r) => (
                <Checkbox key={r} value={r} label={t(`role.${r}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <ProblemAlert error={create.error} />
          <Button type="submit" w="fit-content" loading={create.isPending} disabled={!title.trim()}>
            {t('document.create.submit')}
          </Button>
        </Stack>
      </form>
    </Dialog>
  );
}

/** The library of controlled documents: kind, title, the version in force and the review-by day (overdue said in words and icon). */
export function DocumentsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const url = useUrlFilters();
  const [creating, setCreating] = useState(false);
  const isQm = user.roles.includes('quality_manager');
  const filters: DocumentFilters = {
    kind: url.oneOf('kind', DOCUMENT_KINDS),
    owner: url.flag('mine') ? 'me' : undefined,
    overdue: url.flag('overdue') || undefined,
  };
  const list = useDocuments(filters);
  const items = list.data ?? [];
  return (
    <>
      <PageHeader
        title={t('document.list.title')}
        actions={
          isQm ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('document.create.title')}
            </Button>
          ) : undefined
        }
      />
      <Text size="sm" mb="md">
        {t('document.list.intro')}
      </Text>
      <FilterBar label={t('document.filter.label')} onClear={url.clear}>
        <FilterSelect
          label={t('document.field.kind')}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`document.kind.${k}`) }))}
          value={filters.kind}
          onChange={(v) => url.set('kind', v)}
        />
        <Checkbox
          label={t('document.filter.mine')}
          checked={url.flag('mine')}
          onChange={(e) => url.set('mine', e.currentTarget.checked)}
          mb={8}
        />
        <Checkbox
          label={t('document.filter.overdue')}
          checked={url.flag('overdue')}
          onChange={(e) => url.set('overdue', e.currentTarget.checked)}
          mb={8}
        />
      </FilterBar>
      <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text>{t('document.list.empty')}</Text>
      ) : (
        <DataTable
          caption={t('document.list.caption', { count: items.length })}
          head={[
            t('document.field.reference'),
            t('document.field.title'),
            t('document.field.kind'),
            t('document.field.effectiveVersion'),
            t('document.field.reviewBy'),
          ]}
        >
          {items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor component={Link} to={`/documents/${d.id}`}>
                  {d.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>{t(`document.kind.${d.kind}`)}</Table.Td>
              <Table.Td>
                {d.effectiveVersion !== null ? t('document.versionNumber', { number: d.effectiveVersion }) : t('document.noneInForce')}
              </Table.Td>
              <Table.Td>
                {formatDate(d.reviewBy)}
                {d.reviewOverdue ? (
                  <>
                    {' '}
                    <StatusBadge kind="cell" value="overdue" />
                  </>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {isQm ? <NewDocumentDialog opened={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
