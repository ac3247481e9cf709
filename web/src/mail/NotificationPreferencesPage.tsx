/**
 * The signed-in user's reminders by e-mail: one mail per reminder or a weekly digest, and each kind
 * on or off. Reached from the user menu; saved with If-Match like other edits.
 */
import { Button, Checkbox, Radio, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';

type Kind = Schemas['ReminderKind'];
type Delivery = Schemas['ReminderDelivery'];
const KINDS: Kind[] = ['step_window', 'action_target', 'deviation_target', 'document_review', 'risk_review', 'approval', 'board_review'];
const KEY = ['notification-preferences'];

export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const current = useQuery({ queryKey: KEY, queryFn: () => call(api.GET('/api/notification-preferences')) });
  const [delivery, setDelivery] = useState<Delivery>('immediate');
  const [on, setOn] = useState<Kind[]>(KINDS);
  useEffect(() => {
    if (!current.data) return;
    setDelivery(current.data.delivery);
    setOn(KINDS.filter((k) => !current.data.disabledKinds.includes(k)));
  }, [current.data]);
  const save = useAction(
    () =>
      call(
        api.PUT('/api/notification-preferences', {
          params: { header: { 'If-Match': `"${current.data?.version ?? 0}"` } },
          body: { delivery, disabledKinds: KINDS.filter((k) => !on.includes(k)) },
        }),
      ),
    { invalidates: [], sets: KEY, done: t('notifications.saved') },
  );
  const errors = fieldErrors(t, save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.mutateAsync(undefined).catch(() => undefined);
  };

  return (
    <Stack maw={560}>
      <PageHeader title={t('notifications.title')} />
      <Text size="sm">{t('notifications.intro')}</Text>
      {current.isPending ? <Loading /> : null}
      <ProblemAlert error={current.error} onRetry={() => void current.refetch()} />
      {current.data ? (
        <form onSubmit={submit}>
          <Stack gap="md">
            <Radio.Group
              label={t('notifications.delivery.label')}
              value={delivery}
              onChange={(v) => setDelivery(v as Delivery)}
              error={errors.delivery}
            >
              <Stack gap={6} mt={6}>
                <Radio value="immediate" label={t('notifications.delivery.immediate')} />
                <Radio
                  value="weekly_digest"
                  label={t('notifications.delivery.weekly_digest')}
                  description={t('notifications.delivery.weeklyHelp')}
                />
              </Stack>
            </Radio.Group>
            <Checkbox.Group
              label={t('notifications.kinds.label')}
              value={on}
              onChange={(v) => setOn(v as Kind[])}
              error={errors.disabledKinds}
            >
              <Stack gap={6} mt={6}>
                {KINDS.map((k) => (
                  <Checkbox key={k} value={k} label={t(`notifications.kind.${k}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            <ProblemAlert error={Object.keys(errors).length ? undefined : save.error} onReload={() => void current.refetch()} />
            <Button type="submit" loading={save.isPending} w="fit-content">
              {t('notifications.save')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
