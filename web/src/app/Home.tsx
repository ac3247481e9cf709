/**
 * "What needs me": the executions due or overdue in my programmes, the deviations and corrective
 * actions waiting for me, and (for quality managers) procedure versions awaiting approval. Composed
 * from the list endpoints the API has: one conformance matrix per active programme, one list each
 * of deviations and corrective actions, and the procedure library.
 */
import { Anchor, Box, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { useActions } from '../corrective-actions/queries';
import { useDeviations } from '../deviations/queries';
import { useRisks } from '../risks/queries';
import { useAudits } from '../internal-audits/queries';
import { useDocuments } from '../documents/queries';
import { useProceduresToAcknowledge } from '../procedures/Acknowledgement';
import { localised } from '../i18n/i18n';
import { programmeKeys, useProgrammes } from '../programmes/queries';
import type { Matrix } from '../programmes/queries';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate } from '../ui/format';
import { useUser } from './auth';

const LIMIT = 15;

function Section({ id, title, count, children }: { id: string; title: string; count?: number; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {count !== undefined ? (
          <Text size="sm" fw={600}>
            {count}
          </Text>
        ) : null}
      </Group>
      {children}
    </Card>
  );
}

function DueExecutions() {
  const { t } = useTranslation();
  const user = useUser();
  const programmes = useProgrammes();
  const mine = (programmes.data ?? []).filter(
    (p) => p.status === 'active' && (user.roles.includes('quality_manager') || p.leaders.some((l) => l.id === user.id)),
  );
  const matrices = useQueries({
    queries: mine.map((p) => ({
      queryKey: programmeKeys.matrix(p.id),
      queryFn: async () =>
        (await call(api.GET('/api/programmes/{id}/conformance', { params: { path: { id: p.id }, query: {} } }))) as unknown as Matrix,
    })),
  });
  const rows = mine.flatMap((p, i) => {
    const m = matrices[i]?.data;
    if (!m) return [];
    const titles = new Map(m.procedures.map((x) => [x.procedureKey, localised(x.title) || x.procedureKey]));
    return m.rows.flatMap((row) =>
      row.cells
        .filter((c) => c.status === 'overdue' || c.status === 'due' || c.status === 'in_progress')
        .map((c) => ({ programme: p, row, cell: c, procedure: titles.get(c.procedureKey) ?? c.procedureKey })),
    );
  });
  const order = { overdue: 0, in_progress: 1, due: 2 } as Record<string, number>;
  rows.sort((a, b) => order[a.cell.status] - order[b.cell.status] || (a.cell.window?.to ?? '').localeCompare(b.cell.window?.to ?? ''));
  const loading = programmes.isPending || matrices.some((q) => q.isPending);
  const error = programmes.error ?? matrices.find((q) => q.error)?.error;
  return (
    <Section id="home-executions" title={t('home.executions.title')} count={loading ? undefined : rows.length}>
      <ProblemAlert error={error} onRetry={() => void programmes.refetch()} />
      {loading ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Text size="sm">{t('home.executions.none')}</Text>
      ) : (
        <DataTable
          caption={t('home.executions.caption')}
          head={[
            t('home.executions.what'),
            t('matrix.subject'),
            t('deviation.field.programme'),
            t('home.executions.until'),
            t('deviation.field.state'),
          ]}
        >
          {rows.slice(0, LIMIT).map(({ programme, row, cell, procedure }) => {
            const subject = row.subject.type === 'cohort' ? t('matrix.cohort') : (row.subject.code ?? '');
            return (
              <Table.Tr key={`${programme.id}-${row.subject.id ?? 'cohort'}-${cell.procedureKey}`}>
                <Table.Td>
                  {cell.executionId ? (
                    <Anchor component={Link} to={`/executions/${cell.executionId}`}>
                      {procedure}
                    </Anchor>
                  ) : (
                    <Anchor component={Link} to={`/programmes/${programme.id}/conformance`}>
                      {procedure}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>{subject}</Table.Td>
                <Table.Td>{programme.name}</Table.Td>
                <Table.Td>{formatDate(cell.window?.to)}</Table.Td>
                <Table.Td>
                  <StatusBadge kind="cell" value={cell.status} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
      {rows.length > LIMIT ? <Text size="sm">{t('home.more', { count: rows.length - LIMIT })}</Text> : null}
    </Section>
  );
}

function WaitingDeviations() {
  const { t } = useTranslation();
  const user = useUser();
  const isQm = user.roles.includes('quality_manager');
  const list = useDeviations({}, 100);
  // A quality manager moves every open deviation on; a leader analyses and contains those just recorded.
  const waiting = (list.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((d) => (isQm ? d.state !== 'closed' && d.state !== 'cancelled' : d.state === 'open' || d.state === 'analysis'))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.targetDate.localeCompare(b.targetDate));
  return (
    <Section id="home-deviations" title={t('home.deviations.title')} count={list.isPending ? undefined : waiting.length}>
      <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loading />
      ) : waiting.length === 0 ? (
        <Text size="sm">{t('home.deviations.none')}</Text>
      ) : (
        <DataTable
          caption={t('home.deviations.caption')}
          head={[t('deviation.field.reference'), t('deviation.field.title'), t('deviation.field.state'), t('deviation.field.targetDate')]}
        >
          {waiting.slice(0, LIMIT).map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor component={Link} to={`/deviations/${d.id}`}>
                  {d.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>
                <StatusBadge kind="deviation" value={d.state} />
              </Table.Td>
              <Table.Td>
                {formatDate(d.targetDate)} {d.overdue ? <StatusBadge kind="cell" value="overdue" /> : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {waiting.length > LIMIT ? (
        <Anchor component={Link} to="/deviations" size="sm">
          {t('home.more', { count: waiting.length - LIMIT })}
        </Anchor>
      ) : null}
    </Section>
  );
}

function WaitingActions() {
  const { t } = useTranslation();
  const user = useUser();
  const isQm = user.roles.includes('quality_manager');
  const owned = useActions({ ownerId: user.id }, 100);
  const checks = useActions({ state: 'effectiveness_check' }, 100);
  // Open actions whose latest board review requests changes wait for a quality manager.
  const requested = useActions({ changesRequested: true }, 100);
  const mine = (owned.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (a) => a.state === 'planned' || a.state === 'in_progress' || a.state === 'implemented',
  );
  const toJudge = isQm ? (checks.data?.pages.flatMap((p) => p.items) ?? []).filter((a) => a.ownerId !== user.id) : [];
  const forBoard = isQm ? (requested.data?.pages.flatMap((p) => p.items) ?? []) : [];
  const listed = new Set([...toJudge, ...mine].map((a) => a.id));
  const all = [...toJudge, ...mine, ...forBoard.filter((a) => !listed.has(a.id))].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate),
  );
  const loading = owned.isPending || (isQm && (checks.isPending || requested.isPending));
  return (
    <Section id="home-actions" title={t('home.actions.title')} count={loading ? undefined : all.length}>
      <ProblemAlert error={owned.error ?? checks.error ?? requested.error} onRetry={() => void owned.refetch()} />
      {loading ? (
        <Loading />
      ) : all.length === 0 ? (
        <Text size="sm">{t('home.actions.none')}</Text>
      ) : (
        <DataTable
          caption={t('home.actions.caption')}
          head={[t('deviation.field.reference'), t('home.actions.why'), t('ca.field.dueDate'), t('ca.field.state')]}
        >
          {all.slice(0, LIMIT).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/corrective-actions/${a.id}`}>
                  {a.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {isQm && a.boardChangesRequested
                  ? t('home.actions.board')
                  : a.state === 'effectiveness_check'
                    ? t('home.actions.judge')
                    : t('home.actions.owner')}
              </Table.Td>
              <Table.Td>
                {formatDate(a.dueDate)} {a.overdue ? <StatusBadge kind="cell" value="overdue" /> : null}
              </Table.Td>
              <Table.Td>
                <StatusBadge kind="action" value={a.state} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}

/** A board member's queue: actions that stand and that they have not reviewed yet. */
function AwaitingBoardReview() {
  const { t } = useTranslation();
  const list = useActions({ awaitingMyBoardReview: true }, 100);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section id="home-board" title={t('home.board.title')} count={list.isPending ? undefined : items.length}>
      <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text size="sm">{t('home.board.none')}</Text>
      ) : (
        <DataTable
          caption={t('home.board.caption')}
          head={[t('deviation.field.reference'), t('ca.field.owner'), t('ca.field.dueDate'), t('ca.field.state')]}
        >
          {items.slice(0, LIMIT).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/corrective-actions/${a.id}`}>
                  {a.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>{a.ownerName}</Table.Td>
              <Table.Td>
                {formatDate(a.dueDate)} {a.overdue ? <StatusBadge kind="cell" value="overdue" /> : null}
              </Table.Td>
              <Table.Td>
                <StatusBadge kind="action" value={a.state} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}

interface LinkItem {
  key: string;
  to: string;
  label: string;
  /** Words after the link: a version, a due day. */
  after?: string;
}

/**
 * A section listing records as links, each with a few words after it (most of the home's sections).
 * With `none`, an empty list says so; without it, the section is left out when it has nothing.
 */
function LinkListSection({
  id,
  title,
  query,
  items,
  count = items.length,
  none,
}: {
  id: string;
  title: string;
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
  items: LinkItem[];
  count?: number;
  none?: string;
}) {
  if (none === undefined && !query.isPending && !query.error && items.length === 0) return null;
  return (
    <Section id={id} title={title} count={query.isPending ? undefined : count}>
      <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      {query.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text size="sm">{none}</Text>
      ) : (
        <Stack gap={4}>
          {items.slice(0, LIMIT).map((item) => (
            <Text size="sm" key={item.key}>
              <Anchor component={Link} to={item.to}>
                {item.label}
              </Anchor>
              {item.after ? ` ${item.after}` : null}
            </Text>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** Corrections held because they would clear a nonconformity, for a quality manager to decide. */
function CorrectionsAwaitingApproval() {
  const { t } = useTranslation();
  const pending = useQuery({ queryKey: ['corrections', 'pending'], queryFn: () => call(api.GET('/api/corrections/pending')) });
  const items = (pending.data ?? []).map((c) => ({
    key: c.id,
    to: `/executions/${c.executionId}`,
    label: t('pendingCorrections.item', { procedure: c.procedureKey, subject: c.subjectLabel, step: c.stepKey, reason: c.reason }),
  }));
  return (
    <LinkListSection
      id="home-corrections"
      title={t('pendingCorrections.title')}
      query={pending}
      items={items}
      none={t('pendingCorrections.empty')}
    />
  );
}

function AwaitingApproval() {
  const { t } = useTranslation();
  const procedures = useQuery({ queryKey: ['procedures'], queryFn: () => call(api.GET('/api/procedures')) });
  const items = (procedures.data ?? [])
    .filter((p) => p.latestStatus === 'in_review')
    .map((p) => ({
      key: p.key,
      to: `/procedures/${p.key}`,
      label: localised(p.title),
      after: t('home.approvals.version', { version: p.latestVersion }),
    }));
  return (
    <LinkListSection
      id="home-approvals"
      title={t('home.approvals.title')}
      query={procedures}
      items={items}
      none={t('home.approvals.none')}
    />
  );
}

/** Risks the user owns whose review date has passed (ISO 9001 6.1: risks are reviewed when planned). */
function RiskReviewsDue() {
  const { t } = useTranslation();
  const user = useUser();
  const list = useRisks({ ownerId: user.id, overdue: true }, LIMIT);
  const items = (list.data?.pages.flatMap((p) => p.items) ?? []).map((r) => ({
    key: r.id,
    to: `/risks/${r.id}`,
    label: `${r.reference}: ${r.title}`,
    after: t('home.risks.due', { date: formatDate(r.nextReviewOn) }),
  }));
  return (
    <LinkListSection
      id="home-risks"
      title={t('home.risks.title')}
      query={list}
      items={items}
      count={list.data?.pages[0]?.total ?? 0}
      none={t('home.risks.none')}
    />
  );
}

/** Documents the user owns whose review-by day has passed (ISO 9001 7.5: documents are reviewed and kept suitable). */
function DocumentReviewsDue() {
  const { t } = useTranslation();
  const list = useDocuments({ owner: 'me', overdue: true });
  const items = (list.data ?? []).map((d) => ({
    key: d.id,
    to: `/documents/${d.id}`,
    label: `${d.reference}: ${d.title}`,
    after: t('home.documentReviews.due', { date: formatDate(d.reviewBy) }),
  }));
  return <LinkListSection id="home-document-reviews" title={t('home.documentReviews.title')} query={list} items={items} />;
}

/** Procedures and documents in force that ask the user to acknowledge them ("read and understood"), not yet acknowledged. */
function ToAcknowledge() {
  const { t } = useTranslation();
  const list = useDocuments({ toAcknowledge: true });
  const procedures = useProceduresToAcknowledge();
  const items = [
    ...(procedures.data ?? []).map((p) => ({
      key: `procedure-${p.key}`,
      to: `/procedures/${p.key}`,
      label: t('home.acknowledge.procedure', { title: localised(p.title) }),
      after: t('home.acknowledge.version', { version: p.effectiveVersion }),
    })),
    ...(list.data ?? []).map((d) => ({
      key: d.id,
      to: `/documents/${d.id}`,
      label: `${d.reference}: ${d.title}`,
      after: t('home.acknowledge.version', { version: d.effectiveVersion }),
    })),
  ];
  const query = {
    isPending: list.isPending || procedures.isPending,
    error: list.error ?? procedures.error,
    refetch: () => Promise.all([list.refetch(), procedures.refetch()]),
  };
  return <LinkListSection id="home-acknowledge" title={t('home.acknowledge.title')} query={query} items={items} />;
}

/** The sections of what to read and review, above the rest, only when there is something to read or review. */
function DocumentsNeedingMe() {
  const toRead = useDocuments({ toAcknowledge: true });
  const proceduresToRead = useProceduresToAcknowledge();
  const toReview = useDocuments({ owner: 'me', overdue: true });
  const some = (q: { isPending: boolean; error: unknown; data?: unknown[] }) => q.isPending || !!q.error || (q.data?.length ?? 0) > 0;
  if (!some(toRead) && !some(proceduresToRead) && !some(toReview)) return null;
  return (
    <Box className="home-grid" mb="md">
      <ToAcknowledge />
      <DocumentReviewsDue />
    </Box>
  );
}

/** Planned internal audits whose month has come and that have not started (ISO 9001 9.2: audits held as planned). */
function AuditsDue() {
  const { t } = useTranslation();
  const list = useAudits({ due: true });
  const items = (list.data?.items ?? []).map((a) => ({
    key: a.id,
    to: `/internal-audits/${a.id}`,
    label: `${a.reference}: ${a.title}`,
    after: t('home.audits.planned', { month: t(`internalAudit.month.${a.plannedMonth}`), year: a.year }),
  }));
  return <LinkListSection id="home-audits" title={t('home.audits.title')} query={list} items={items} none={t('home.audits.none')} />;
}

export function Home() {
  const { t } = useTranslation();
  const user = useUser();
  const isQm = user.roles.includes('quality_manager');
  const records = isQm || user.roles.includes('programme_leader');
  return (
    <>
      <PageHeader title={t('home.title')} />
      <Text mb="md">{t('home.greeting', { name: user.name })}</Text>
      <DocumentsNeedingMe />
      {user.roles.includes('board_member') ? (
        <div className="home-grid">
          <AwaitingBoardReview />
          {records ? null : <RiskReviewsDue />}
        </div>
      ) : null}
      {records ? (
        <div className="home-grid">
          <DueExecutions />
          <WaitingDeviations />
          <WaitingActions />
          {isQm ? <AwaitingApproval /> : null}
          {isQm ? <CorrectionsAwaitingApproval /> : null}
          {isQm ? <AuditsDue /> : null}
          <RiskReviewsDue />
        </div>
      ) : user.roles.includes('board_member') ? null : (
        <Card withBorder>
          <Text>{t('home.readOnly')}</Text>
        </Card>
      )}
    </>
  );
}
