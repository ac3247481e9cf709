/**
 * Administrators' user management: the accounts with their roles, a new account (with a temporary
 * password the user replaces at the first sign-in), roles changed, an account deactivated or
 * reactivated, a temporary password set for someone who forgot theirs.
 */
import { Anchor, Button, Checkbox, Group, PasswordInput, Stack, Switch, Table, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call, idempotencyKey } from '../api/client';
import type { Schemas } from '../api/client';
import { useUser } from '../app/auth';
import type { Role } from '../app/auth';
import { Dialog } from '../ui/Dialog';
import { FilterBar, FilterSelect, PagedTable, useUrlFilters } from '../ui/ListPage';
import { PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';

type Account = Schemas['UserResponse'];
const ROLES: Role[] = ['admin', 'quality_manager', 'programme_leader', 'board_member', 'auditor'];
const PAGE = 25;

function RoleChoice({ value, onChange, error }: { value: Role[]; onChange(v: Role[]): void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={t('users.field.roles')} value={value} onChange={(v) => onChange(v as Role[])} error={error}>
      <Stack gap={4} mt={4}>
        {ROLES.map((r) => (
          <Checkbox key={r} value={r} label={t(`role.${r}`)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function NewUserDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [roles, setRoles] = useState<Role[]>([]);
  const [key] = useState(idempotencyKey);
  const create = useAction(() => call(api.POST('/api/users', { headers: { 'Idempotency-Key': key }, body: { ...form, roles } })), {
    invalidates: [['users']],
    done: t('users.create.done'),
  });
  const errors = fieldErrors(t, create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create.mutateAsync(undefined).then(onClose, () => undefined);
  };
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  return (
    <Dialog opened onClose={onClose} title={t('users.create.title')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('users.field.name')} required value={form.name} onChange={set('name')} error={errors.name} />
          <TextInput label={t('users.field.email')} type="email" required value={form.email} onChange={set('email')} error={errors.email} />
          <PasswordInput
            label={t('users.field.temporaryPassword')}
            description={t('users.create.passwordHelp')}
            required
            value={form.password}
            onChange={set('password')}
            error={errors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
            autoComplete="new-password"
          />
          <RoleChoice value={roles} onChange={setRoles} error={errors.roles} />
          <ProblemAlert error={Object.keys(errors).length ? undefined : create.error} />
          <Button type="submit" loading={create.isPending} w="fit-content">
            {t('users.create.submit')}
          </Button>
        </Stack>
      </form>
    </Dialog>
  );
}

function EditUserDialog({ account, onClose }: { account: Account; onClose(): void }) {
  const { t } = useTranslation();
  const me = useUser();
  const [roles, setRoles] = useState<Role[]>(account.roles);
  const [active, setActive] = useState(account.active);
  const [password, setPassword] = useState('');
  const save = useAction(
    () =>
      call(
        api.PATCH('/api/users/{id}', {
          params: { path: { id: account.id }, header: { 'If-Match': `"${account.version}"` } },
          body: { roles, active },
        }),
      ),
    { invalidates: [['users'], ['staff']], done: t('users.edit.done') },
  );
  const reset = useAction(() => call(api.POST('/api/users/{id}/password', { params: { path: { id: account.id } }, body: { password } })), {
    invalidates: [['users']],
    done: t('users.reset.done'),
  });
  const errors = { ...fieldErrors(t, save.error), ...fieldErrors(t, reset.error) };
  return (
    <Dialog opened onClose={onClose} title={t('users.edit.title', { name: account.name })}>
      <Stack gap="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save.mutateAsync(undefined).then(onClose, () => undefined);
          }}
        >
          <Stack gap="sm">
            <RoleChoice value={roles} onChange={setRoles} error={errors.roles} />
            <Switch
              label={t('users.field.active')}
              description={t('users.edit.activeHelp')}
              checked={active}
              disabled={account.id === me.id}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
            <ProblemAlert error={fieldErrors(t, save.error).roles ? undefined : save.error} onReload={onClose} />
            <Button type="submit" loading={save.isPending} w="fit-content">
              {t('users.edit.submit')}
            </Button>
          </Stack>
        </form>
        {account.id !== me.id ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void reset.mutateAsync(undefined).then(
                () => setPassword(''),
                () => undefined,
              );
            }}
          >
            <Stack gap="sm">
              <PasswordInput
                label={t('users.reset.password')}
                description={t('users.reset.help')}
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={errors.password}
                visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                autoComplete="new-password"
              />
              <ProblemAlert error={errors.password ? undefined : reset.error} />
              <Button type="submit" variant="default" loading={reset.isPending} w="fit-content">
                {t('users.reset.submit')}
              </Button>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Dialog>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const url = useUrlFilters();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Account>();
  const role = url.oneOf('role', ROLES);
  const state = url.oneOf('state', ['active', 'inactive'] as const);
  const q = url.text('q')?.trim();
  // Filtered and paged by the service; the filters live in the URL, so a link shows the same list.
  const filters = { q: q || undefined, role, active: state ? state === 'active' : undefined };
  const users = useInfiniteQuery({
    queryKey: ['users', 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/users', { params: { query: { ...filters, limit: PAGE, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const total = users.data?.pages[0]?.total ?? 0;
  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('users.create.action')}
          </Button>
        }
      />
      <FilterBar label={t('users.filter')}>
        <TextInput label={t('users.search')} value={url.text('q') ?? ''} onChange={(e) => url.set('q', e.currentTarget.value)} />
        <FilterSelect
          label={t('users.field.role')}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={role}
          onChange={(v) => url.set('role', v)}
        />
        <FilterSelect
          label={t('users.field.state')}
          options={[
            { value: 'active', label: t('users.state.active') },
            { value: 'inactive', label: t('users.state.inactive') },
          ]}
          value={state}
          onChange={(v) => url.set('state', v)}
        />
      </FilterBar>
      <PagedTable
        list={users}
        empty={t('users.empty')}
        // The service counts every account that matches, not only the rows shown so far.
        caption={() => t('users.caption', { count: total })}
        head={[t('users.field.name'), t('users.field.email'), t('users.field.roles'), t('users.field.state'), t('users.field.actions')]}
        row={(u) => (
          <Table.Tr key={u.id}>
            <Table.Td>{u.name}</Table.Td>
            <Table.Td>{u.email}</Table.Td>
            <Table.Td>{u.roles.map((r) => t(`role.${r}`)).join(', ')}</Table.Td>
            <Table.Td>
              {u.active ? t('users.state.active') : t('users.state.inactive')}
              {u.mustChangePassword ? ` · ${t('users.state.temporary')}` : ''}
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" variant="default" aria-label={t('users.edit.labelFor', { name: u.name })} onClick={() => setEditing(u)}>
                  {t('users.edit.action')}
                </Button>
                <Anchor component={Link} to={`/training?user=${u.id}`} size="sm">
                  {t('training.link')}
                </Anchor>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {creating ? <NewUserDialog onClose={() => setCreating(false)} /> : null}
      {editing ? <EditUserDialog account={editing} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}
