import { Anchor, Button, Checkbox, Group, NativeSelect, Paper, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconDownload, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import { useUser } from '../app/auth';
import { currentLanguage, localised } from '../i18n/i18n';
import { useProgrammes } from '../programmes/queries';
import { useStaff } from '../users/staff';
import { download } from '../ui/download';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SignatureDialog } from '../ui/SignatureDialog';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate, formatDateTime } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction } from '../ui/useAction';
import { ANSWER_RESULTS, FINDING_KINDS, auditKeys, listOf, useAudit } from './queries';
import type { AnswerResult, Audit, ChecklistItem, FindingKind } from './queries';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** One checklist item: its standing answer and history, and (for the team) a form to answer it again. */
function ItemCard({ audit, item }: { audit: Audit; item: ChecklistItem }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<string>(item.answer?.result ?? '');
  const [notes, setNotes] = useState(item.answer?.notes ?? '');
  const [executions, setExecutions] = useState((item.answer?.executionIds ?? []).join(', '));
  const heading = `${item.seq}. ${localised(item.title)}`;
  const save = useAction(
    () =>
      call(
        api.POST('/api/internal-audits/{id}/items/{itemId}/answers', {
          params: { path: { id: audit.id, itemId: item.id }, header: { 'If-Match': `"${item.answer?.revision ?? 0}"` } },
          body: { result: result as AnswerResult, notes: notes || undefined, executionIds: listOf(executions) },
        }),
      ),
    { invalidates: [auditKeys.one(audit.id)], done: t('internalAudit.answer.done', { item: item.seq }) },
  );
  const errors = fieldErrors(t, save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(undefined);
  };
  const ref = item.clause
    ? t('internalAudit.item.clause', { clause: item.clause })
    : `${item.procedureKey} v${item.versionNumber} · ${item.stepKey}`;
  return (
    <Paper withBorder p="sm" component="li" aria-labelledby={`item-${item.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5" id={`item-${item.id}`}>
            {heading}
          </Title>
          {item.answer ? (
            <StatusBadge kind="auditAnswer" value={item.answer.result} />
          ) : (
            <Text size="sm">{t('internalAudit.answer.none')}</Text>
          )}
        </Group>
        <Text size="xs">{ref}</Text>
        {item.answer ? (
          <Text size="sm">
            {item.answer.notes ?? ''}{' '}
            <Text span size="xs" c="dimmed">
              {t('internalAudit.answer.by', {
                name: item.answer.recordedBy.name,
                at: formatDateTime(item.answer.recordedAt),
                revision: item.answer.revision,
              })}
              {item.answer.executionIds.length ? ` · ${t('internalAudit.answer.sampled', { count: item.answer.executionIds.length })}` : ''}
            </Text>
          </Text>
        ) : null}
        {audit.may.record ? (
          <form onSubmit={submit} noValidate aria-label={t('internalAudit.answer.form', { item: heading })}>
            <Stack gap="xs">
              <Radio.Group label={t('internalAudit.answer.result')} required value={result} onChange={setResult} error={errors.result}>
                <Group gap="md" mt={4}>
                  {ANSWER_RESULTS.map((r) => (
                    <Radio key={r} value={r} label={t(`status.auditAnswer.${r}`)} />
                  ))}
                </Group>
              </Radio.Group>
              <Textarea
                label={t('internalAudit.answer.notes')}
                autosize
                minRows={1}
                value={notes}
                onChange={(e) => setNotes(e.currentTarget.value)}
                error={errors.notes}
              />
              <TextInput
                label={t('internalAudit.answer.executions')}
                description={t('internalAudit.field.commaSeparated')}
                value={executions}
                onChange={(e) => setExecutions(e.currentTarget.value)}
                error={errors.executionIds ?? Object.entries(errors).find(([k]) => k.startsWith('executionIds'))?.[1]}
              />
              <ProblemAlert error={Object.keys(errors).length ? undefined : save.error} onRetry={() => save.mutate(undefined)} />
              <Group>
                <Button type="submit" size="xs" loading={save.isPending} disabled={!result}>
                  {t('internalAudit.answer.save', { item: item.seq })}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Records a finding on checklist items (the team): a nonconformity opens a deviation, an opportunity an improvement action. */
function FindingForm({ audit }: { audit: Audit }) {
  const { t } = useTranslation();
  const user = useUser();
  const programmes = useProgrammes();
  const canList = user.roles.some((r) => r === 'quality_manager' || r === 'board_member');
  const staff = useStaff(canList);
  const owners = canList
    ? (staff.data ?? []).filter((s) => s.active && s.roles.some((r) => r === 'quality_manager' || r === 'programme_leader'))
    : [{ id: user.id, name: user.name }];
  const [f, setF] = useState({
    kind: 'nonconformity',
    grade: 'minor',
    title: '',
    description: '',
    programmeId: '',
    ownerId: '',
    dueDate: '',
    criterion: '',
  });
  const [items, setItems] = useState<string[]>([]);
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value });
  const kind = f.kind as FindingKind;
  const record = useAction(
    () =>
      call(
        api.POST('/api/internal-audits/{id}/findings', {
          params: { path: { id: audit.id } },
          body: {
            kind,
            grade: kind === 'nonconformity' ? (f.grade as 'major' | 'minor') : undefined,
            title: f.title,
            description: f.description,
            itemIds: items,
            programmeId: kind === 'nonconformity' && !audit.programmeId ? f.programmeId || undefined : undefined,
            action:
              kind === 'opportunity'
                ? { ownerId: f.ownerId || owners[0]?.id || '', dueDate: f.dueDate, effectivenessCriterion: f.criterion }
                : undefined,
          },
        }),
      ),
    { invalidates: [auditKeys.all], sets: auditKeys.one(audit.id), done: t('internalAudit.finding.done') },
  );
  const errors = fieldErrors(t, record.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(undefined, {
      onSuccess: () => {
        setF((prev) => ({ ...prev, title: '', description: '' }));
        setItems([]);
      },
    });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="finding-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5" id="finding-form">
            {t('internalAudit.finding.title')}
          </Title>
          <div className="two-columns">
            <NativeSelect
              label={t('internalAudit.finding.kind')}
              data={FINDING_KINDS.map((k) => ({ value: k, label: t(`internalAudit.kind.${k}`) }))}
              value={f.kind}
              onChange={set('kind')}
            />
            {kind === 'nonconformity' ? (
              <NativeSelect
                label={t('internalAudit.finding.grade')}
                data={['minor', 'major'].map((g) => ({ value: g, label: t(`status.severity.${g}`) }))}
                value={f.grade}
                onChange={set('grade')}
                error={errors.grade}
              />
            ) : null}
          </div>
          <TextInput label={t('internalAudit.finding.name')} required value={f.title} onChange={set('title')} error={errors.title} />
          <Textarea
            label={t('internalAudit.finding.description')}
            required
            autosize
            minRows={2}
            value={f.description}
            onChange={set('description')}
            error={errors.description}
          />
          <Checkbox.Group label={t('internalAudit.finding.items')} required value={items} onChange={setItems} error={errors.itemIds}>
            <Stack gap={4} mt={4}>
              {audit.items.map((i) => (
                <Checkbox key={i.id} value={i.id} label={`${i.seq}. ${localised(i.title)}`} />
              ))}
            </Stack>
          </Checkbox.Group>
          {kind === 'nonconformity' && !audit.programmeId ? (
            <NativeSelect
              label={t('internalAudit.finding.programme')}
              required
              data={[
                { value: '', label: t('internalAudit.notChosen') },
                ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name })),
              ]}
              value={f.programmeId}
              onChange={set('programmeId')}
              error={errors.programmeId}
            />
          ) : null}
          {kind === 'opportunity' ? (
            <div className="two-columns">
              <NativeSelect
                label={t('ca.field.owner')}
                required
                data={owners.map((o) => ({ value: o.id, label: o.name }))}
                value={f.ownerId || owners[0]?.id || ''}
                onChange={set('ownerId')}
                error={errors['action.ownerId']}
              />
              <TextInput
                type="date"
                label={t('ca.field.dueDate')}
                required
                value={f.dueDate}
                onChange={set('dueDate')}
                error={errors['action.dueDate']}
              />
              <TextInput
                label={t('ca.field.criterion')}
                required
                value={f.criterion}
                onChange={set('criterion')}
                error={errors['action.effectivenessCriterion']}
              />
            </div>
          ) : null}
          <ProblemAlert error={Object.keys(errors).length ? undefined : record.error} onRetry={() => record.mutate(undefined)} />
          <Group>
            <Button type="submit" loading={record.isPending}>
              {t('internalAudit.finding.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** An internal audit: what it covers, its checklist to answer, its findings, the signed report and closing, the PDF. */
export function AuditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const audit = useAudit(id);
  const [signing, setSigning] = useState(false);
  const [conclusion, setConclusion] = useState('');
  const start = useAction(() => call(api.POST('/api/internal-audits/{id}/start', { params: { path: { id } }, body: {} })), {
    invalidates: [auditKeys.all],
    sets: auditKeys.one(id),
    done: t('internalAudit.start.done'),
  });
  const sign = useAction(
    (password: string) => call(api.POST('/api/internal-audits/{id}/report', { params: { path: { id } }, body: { conclusion, password } })),
    { invalidates: [auditKeys.all], sets: auditKeys.one(id), done: t('internalAudit.report.done') },
  );
  const close = useAction(() => call(api.POST('/api/internal-audits/{id}/close', { params: { path: { id } }, body: {} })), {
    invalidates: [auditKeys.all],
    sets: auditKeys.one(id),
    done: t('internalAudit.close.done'),
  });
  const pdf = useMutation({
    mutationFn: () =>
      download(
        api.GET('/api/reports/internal-audits/{id}.pdf', { params: { path: { id }, query: { lang: currentLanguage() } }, parseAs: 'blob' }),
        'internal-audit.pdf',
      ),
  });
  if (audit.isPending) return <Loading />;
  if (audit.error || !audit.data) return <ProblemAlert error={audit.error} onRetry={() => void audit.refetch()} />;
  const a = audit.data;
  const signErrors = fieldErrors(t, sign.error);
  return (
    <>
      <PageHeader
        title={`${a.reference}: ${a.title}`}
        trail={[{ to: `/internal-audits?year=${a.year}`, label: t('internalAudit.list.title') }]}
        actions={
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={pdf.isPending}
            onClick={() => pdf.mutate()}
          >
            {t('internalAudit.pdf')}
          </Button>
        }
      />
      <Stack gap="lg">
        <ProblemAlert error={pdf.error} />
        <Group gap="xs">
          <StatusBadge kind="audit" value={a.state} />
          {a.due ? <StatusBadge kind="cell" value="due" /> : null}
        </Group>
        <dl className="two-columns facts">
          <Fact label={t('internalAudit.field.audited')}>{[...a.processes, ...a.procedureKeys].join(', ')}</Fact>
          <Fact label={t('internalAudit.field.programme')}>{a.programmeName ?? t('internalAudit.organisation')}</Fact>
          <Fact label={t('internalAudit.field.plannedMonth')}>{`${t(`internalAudit.month.${a.plannedMonth}`)} ${a.year}`}</Fact>
          <Fact label={t('internalAudit.field.importance')}>{t(`internalAudit.importance.${a.importance}`)}</Fact>
          <Fact label={t('internalAudit.field.previousResults')}>{a.previousResults ?? '—'}</Fact>
          <Fact label={t('internalAudit.field.scope')}>{a.scope ?? '—'}</Fact>
          <Fact label={t('internalAudit.field.clauses')}>{a.clauses.join(', ') || '—'}</Fact>
          <Fact label={t('internalAudit.field.period')}>
            {a.periodFrom && a.periodTo ? `${formatDate(a.periodFrom)} – ${formatDate(a.periodTo)}` : '—'}
          </Fact>
          <Fact label={t('internalAudit.field.leadAuditor')}>{a.leadAuditor?.name ?? '—'}</Fact>
          <Fact label={t('internalAudit.field.team')}>{a.team.map((p) => p.name).join(', ') || '—'}</Fact>
          <Fact label={t('internalAudit.field.performedOn')}>{a.performedOn ? formatDate(a.performedOn) : '—'}</Fact>
        </dl>
        {a.may.manage ? (
          <Stack gap="xs">
            <ProblemAlert error={start.error} onRetry={() => start.mutate(undefined)} />
            <Button
              w="fit-content"
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
              loading={start.isPending}
              onClick={() => start.mutate(undefined)}
            >
              {t('internalAudit.start.submit')}
            </Button>
          </Stack>
        ) : null}
        {a.items.length ? (
          <Stack gap="xs" component="section" aria-labelledby="audit-checklist">
            <Title order={2} size="h4" id="audit-checklist">
              {t('internalAudit.checklist.title', { answered: a.items.filter((i) => i.answer).length, count: a.items.length })}
            </Title>
            <Stack gap="xs" component="ol" className="plain-list">
              {a.items.map((i) => (
                <ItemCard key={`${i.id}-${i.answer?.revision ?? 0}`} audit={a} item={i} />
              ))}
            </Stack>
          </Stack>
        ) : null}
        {a.state !== 'planned' ? (
          <Stack gap="xs" component="section" aria-labelledby="audit-findings">
            <Title order={2} size="h4" id="audit-findings">
              {t('internalAudit.findings.title', { count: a.findings.length })}
            </Title>
            {a.findings.length === 0 ? <Text size="sm">{t('internalAudit.findings.none')}</Text> : null}
            <Stack gap={4} component="ul" className="plain-list">
              {a.findings.map((f) => (
                <Text size="sm" key={f.id} component="li">
                  <strong>
                    {f.seq}. {t(`internalAudit.kind.${f.kind}`)}
                    {f.grade ? ` (${t(`status.severity.${f.grade}`)})` : ''}:
                  </strong>{' '}
                  {f.title}. {f.description}{' '}
                  {f.deviation ? (
                    <Anchor component={Link} to={`/deviations/${f.deviation.id}`}>
                      {f.deviation.reference}
                    </Anchor>
                  ) : null}
                  {f.deviation ? <> {<StatusBadge kind="deviation" value={f.deviation.state} />}</> : null}
                  {f.action ? (
                    <Anchor component={Link} to={`/corrective-actions/${f.action.id}`}>
                      {f.action.reference}
                    </Anchor>
                  ) : null}{' '}
                  {f.handled ? t('internalAudit.findings.handled') : t('internalAudit.findings.notHandled')}
                </Text>
              ))}
            </Stack>
            {a.may.record ? <FindingForm audit={a} /> : null}
          </Stack>
        ) : null}
        {a.may.sign ? (
          <Paper withBorder p="md" component="section" aria-labelledby="audit-report">
            <Stack gap="sm">
              <Title order={2} size="h4" id="audit-report">
                {t('internalAudit.report.title')}
              </Title>
              <Textarea
                label={t('internalAudit.report.conclusion')}
                required
                autosize
                minRows={2}
                value={conclusion}
                onChange={(e) => setConclusion(e.currentTarget.value)}
                error={signErrors.conclusion}
              />
              <Button w="fit-content" disabled={!conclusion.trim()} onClick={() => setSigning(true)}>
                {t('internalAudit.report.submit')}
              </Button>
            </Stack>
          </Paper>
        ) : null}
        {a.reportSignature ? (
          <Stack gap={4} component="section" aria-labelledby="audit-conclusion">
            <Title order={2} size="h4" id="audit-conclusion">
              {t('internalAudit.report.conclusion')}
            </Title>
            <Text size="sm">{a.conclusion}</Text>
            <Text size="sm">
              {t('signature.signedLine', {
                name: a.reportSignature.signerName,
                meaning: a.reportSignature.meaning,
                at: formatDateTime(a.reportSignature.signedAt),
              })}
            </Text>
          </Stack>
        ) : null}
        {a.may.close ? (
          <Stack gap="xs">
            <ProblemAlert error={close.error} onRetry={() => close.mutate(undefined)} />
            <Button w="fit-content" loading={close.isPending} onClick={() => close.mutate(undefined)}>
              {t('internalAudit.close.submit')}
            </Button>
          </Stack>
        ) : null}
      </Stack>
      <SignatureDialog
        opened={signing}
        onClose={() => setSigning(false)}
        meaning={t('internalAudit.report.meaning')}
        record={`${a.reference}: ${a.title}`}
        onSign={(password) => sign.mutateAsync(password)}
      />
    </>
  );
}
