/**
 * What a programme's surveys have sent: per survey version and audience, how many were asked and
 * how many answered, declined, have yet to answer or let the link expire (the response rate), and
 * each invitation by the recipient's code. A link for someone without an e-mail address is handed
 * out in person: shown once to the sender, never again.
 */
import { Button, CopyButton, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCopy, IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Programme } from '../programmes/queries';
import { useShownRows } from '../ui/ListPage';
import { Dialog } from '../ui/Dialog';
import { DataTable, Loading } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate, formatPercent } from '../ui/format';
import { useAction } from '../ui/useAction';
import { surveyKeys, useInvitations } from './queries';
import type { Handout, Invitation } from './queries';

interface Group {
  key: string;
  surveyKey: string;
  versionNumber: number;
  audience: Invitation['recipient']['role'];
  invited: number;
  answered: number;
  declined: number;
  open: number;
  expired: number;
}

export function groupInvitations(items: readonly Invitation[]): Group[] {
  const groups = new Map<string, Group>();
  for (const i of items) {
    const key = `${i.surveyKey}/${i.versionNumber}/${i.recipient.role}`;
    const g = groups.get(key) ?? {
      key,
      surveyKey: i.surveyKey,
      versionNumber: i.versionNumber,
      audience: i.recipient.role,
      invited: 0,
      answered: 0,
      declined: 0,
      open: 0,
      expired: 0,
    };
    g.invited++;
    g[i.state]++;
    groups.set(key, g);
  }
  return [...groups.values()];
}

function recipientWords(t: (k: string) => string, i: Invitation): string {
  return i.recipient.code ?? t('survey.invitations.hostContact');
}

/**
 * Hands the link out: the answer holds the link this once. The dialog that shows it lives in the
 * section, not in the row, since the row changes to "handed out" as soon as the list is read again.
 */
function HandoutButton({ programme, invitation: i, onShown }: { programme: Programme; invitation: Invitation; onShown(h: Shown): void }) {
  const { t } = useTranslation();
  const handout = useAction(
    () =>
      call(
        api.POST('/api/programmes/{id}/survey-invitations/{invitationId}/handout', {
          params: { path: { id: programme.id, invitationId: i.id } },
        }),
      ),
    { invalidates: [surveyKeys.invitations(programme.id)] },
  );
  const who = recipientWords(t, i);
  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconLink size={14} aria-hidden />}
        loading={handout.isPending}
        aria-label={t('survey.handout.labelFor', { who })}
        onClick={() => handout.mutate(undefined, { onSuccess: (h) => onShown({ ...h, who }) })}
      >
        {t('survey.handout.label')}
      </Button>
      <ProblemAlert error={handout.error} />
    </>
  );
}

type Shown = Handout & { who: string };

function HandoutDialog({ shown, onClose }: { shown: Shown | undefined; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog opened={!!shown} onClose={onClose} title={t('survey.handout.title', { who: shown?.who ?? '' })}>
      {shown ? (
        <Stack gap="sm">
          <Text size="sm">{t('survey.handout.once', { date: formatDate(shown.expiresOn) })}</Text>
          <TextInput label={t('survey.handout.link')} value={shown.link} readOnly onFocus={(e) => e.currentTarget.select()} />
          <Group gap="xs">
            <CopyButton value={shown.link}>
              {({ copied, copy }) => (
                <Button variant="default" leftSection={<IconCopy size={16} aria-hidden />} onClick={copy}>
                  {copied ? t('survey.handout.copied') : t('survey.handout.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('survey.handout.done')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Dialog>
  );
}

export function InvitationsSection({ programme, mayWrite }: { programme: Programme; mayWrite: boolean }) {
  const { t } = useTranslation();
  const invitations = useInvitations(programme.id);
  const items = invitations.data?.invitations ?? [];
  const groups = groupInvitations(items);
  const { shown, more } = useShownRows(items);
  const [handedOut, setHandedOut] = useState<Shown>();
  return (
    <Stack gap="xs" component="section" aria-labelledby="survey-sends-title">
      <Title order={2} size="h4" id="survey-sends-title">
        {t('survey.invitations.title')}
      </Title>
      <ProblemAlert error={invitations.error} onRetry={() => void invitations.refetch()} />
      {invitations.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text size="sm">{t('survey.invitations.empty')}</Text>
      ) : (
        <>
          <DataTable
            caption={t('survey.invitations.ratesCaption')}
            head={[
              t('survey.field.survey'),
              t('survey.field.audience'),
              t('survey.invitations.invited'),
              t('survey.state.answered'),
              t('survey.state.declined'),
              t('survey.state.open'),
              t('survey.state.expired'),
              t('survey.results.responseRate'),
            ]}
          >
            {groups.map((g) => (
              <Table.Tr key={g.key}>
                <Table.Td>
                  <code>{g.surveyKey}</code> {t('survey.versionNumber', { number: g.versionNumber })}
                </Table.Td>
                <Table.Td>{t(`survey.audience.${g.audience}`)}</Table.Td>
                <Table.Td>{g.invited}</Table.Td>
                <Table.Td>{g.answered}</Table.Td>
                <Table.Td>{g.declined}</Table.Td>
                <Table.Td>{g.open}</Table.Td>
                <Table.Td>{g.expired}</Table.Td>
                <Table.Td>{formatPercent(g.answered / g.invited)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <DataTable
            caption={t('survey.invitations.caption', { count: items.length })}
            head={[
              t('survey.invitations.recipient'),
              t('survey.field.survey'),
              t('survey.invitations.delivery'),
              t('survey.invitations.expiresOn'),
              t('survey.invitations.state'),
              t('survey.invitations.link'),
            ]}
          >
            {shown.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{recipientWords(t, i)}</Table.Td>
                <Table.Td>
                  <code>{i.surveyKey}</code>
                </Table.Td>
                <Table.Td>{t(`survey.delivery.${i.delivery}`)}</Table.Td>
                <Table.Td>{formatDate(i.expiresOn)}</Table.Td>
                <Table.Td>
                  <StatusBadge kind="invitation" value={i.state} />
                </Table.Td>
                <Table.Td>
                  {i.delivery === 'handout' && i.state === 'open' && mayWrite ? (
                    i.handedOutAt ? (
                      t('survey.handout.handedOut', { date: formatDate(i.handedOutAt) })
                    ) : (
                      <HandoutButton programme={programme} invitation={i} onShown={setHandedOut} />
                    )
                  ) : (
                    '–'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          {more}
        </>
      )}
      <HandoutDialog shown={handedOut} onClose={() => setHandedOut(undefined)} />
    </Stack>
  );
}
