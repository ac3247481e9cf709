import { Anchor, Button, Card, Group, List, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../api/client';
import { mayWrite, useUser } from '../app/auth';
import { deviationKeys } from '../deviations/queries';
import { Dialog } from '../ui/Dialog';
import { Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SignatureDialog } from '../ui/SignatureDialog';
import { StatusBadge } from '../ui/StatusBadge';
import { Timeline } from '../ui/Timeline';
import { formatDate, formatDateTime } from '../ui/format';
import { fieldErrors } from '../ui/problem';
import { useAction as useMutationAction } from '../ui/useAction';
import { ACTION_TRANSITIONS, actionKeys, useAction } from './queries';
import type { Action } from './queries';

type Rule = (typeof ACTION_TRANSITIONS)[number];

export function ActionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser();
  const action = useAction(id);
  if (action.isPending) return <Loading />;
  const a = action.data;
  if (!a) return <ProblemAlert error={action.error} onRetry={() => void action.refetch()} />;
  return (
    <>
      <PageHeader
        title={`${a.reference}: ${t(`action.type.${a.type}`)}`}
        trail={[{ to: '/corrective-actions', label: t('ca.list.title') }]}
        actions={
          <>
            <StatusBadge kind="action" value={a.state} />
            {a.overdue ? <StatusBadge kind="cell" value="overdue" /> : null}
          </>
        }
      />
      <div className="detail-grid">
        <Stack gap="md">
          <Card withBorder>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{a.description}</Text>
            <dl className="signature-facts" style={{ marginTop: 12 }}>
              <dt>{t('ca.field.owner')}</dt>
              <dd>{a.ownerName}</dd>
              <dt>{t('ca.field.dueDate')}</dt>
              <dd>
                {formatDate(a.dueDate)}
                {a.overdue ? ` (${t('ca.daysLate', { count: a.daysLate })})` : ''}
              </dd>
              <dt>{t('ca.field.criterion')}</dt>
              <dd>{a.effectivenessCriterion}</dd>
              {a.implementedAt ? (
                <>
                  <dt>{t('ca.field.implementedAt')}</dt>
                  <dd>{formatDateTime(a.implementedAt)}</dd>
                </>
              ) : null}
              {a.verdict ? (
                <>
                  <dt>{t('ca.field.verdict')}</dt>
                  <dd>{t(`ca.verdict.${a.verdict}`)}</dd>
                </>
              ) : null}
            </dl>
          </Card>
          <Card withBorder component="section" aria-labelledby="linked-heading">
            <Title order={2} size="h4" id="linked-heading" mb="xs">
              {t('ca.field.deviations')}
            </Title>
            <Text size="sm" mb="xs">
              {t('ca.field.source')}: {t(`action.source.${a.source.kind}`)}
              {a.source.text ? ` (${a.source.text})` : ''}
            </Text>
            <List size="sm">
              {(a.deviations as { id: string; reference: string; state: string }[]).map((d) => (
                <List.Item key={d.id}>
                  <Anchor component={Link} to={`/deviations/${d.id}`}>
                    {d.reference}
                  </Anchor>{' '}
                  <StatusBadge kind="deviation" value={d.state} />
                </List.Item>
              ))}
            </List>
          </Card>
          {(a.boardReviews ?? []).length > 0 ? (
            <Card withBorder component="section" aria-labelledby="reviews-heading">
              <Title order={2} size="h4" id="reviews-heading" mb="xs">
                {t('ca.boardReviews')}
              </Title>
              <List size="sm">
                {a.boardReviews!.map((r) => (
                  <List.Item key={r.id}>
                    {t(`ca.decision.${r.decision}`)}: {r.comment} ({r.reviewerName}, {formatDateTime(r.reviewedAt)})
                  </List.Item>
                ))}
              </List>
            </Card>
          ) : null}
        </Stack>
        <Stack gap="md">
          {mayWrite(user) ? <ActionTransitions action={a} /> : null}
          {user.roles.includes('board_member') ? <BoardReviewCard action={a} /> : null}
          <Card withBorder component="section" aria-labelledby="ca-history-heading">
            <Title order={2} size="h4" id="ca-history-heading" mb="xs">
              {t('deviation.history')}
            </Title>
            <Timeline
              label={t('deviation.history')}
              signatures={a.signatures ?? []}
              entries={(a.history ?? []).map((h) => ({
                key: h.seq,
                at: h.at,
                title: h.from
                  ? t('deviation.moved', { from: t(`status.action.${h.from}`), to: t(`status.action.${h.to}`) })
                  : t('ca.planned'),
                comment: h.comment,
                extra: [
                  ...(h.verdict ? [t(`ca.verdict.${h.verdict}`)] : []),
                  ...(h.evidence ? [t('ca.evidenceWas', { text: h.evidence })] : []),
                ],
                signatureId: h.signatureId,
              }))}
            />
          </Card>
        </Stack>
      </div>
    </>
  );
}

/**
 * The owner starts the action and records it as implemented; someone else judges whether it was
 * effective. The effectiveness verdict is never offered to the owner, only explained.
 */
function ActionTransitions({ action: a }: { action: Action }) {
  const { t } = useTranslation();
  const user = useUser();
  const [rule, setRule] = useState<Rule>();
  const isOwner = a.ownerId === user.id;
  const isQm = user.roles.includes('quality_manager');
  // Every move the state allows; the service's allowedTransitions (this user's) decides which are
  // enabled. A disabled one says why; a verdict the owner may not give is not offered, only explained.
  const rules = ACTION_TRANSITIONS.filter((r) => r.from === a.state);
  const allowed = (r: Rule) => a.allowedTransitions.includes(r.to);
  const verdicts = rules.filter((r) => r.by === 'not_owner');
  const shown = rules.filter((r) => allowed(r) || !(r.by === 'not_owner' && isOwner));
  const why = (r: Rule): string | undefined => {
    if (allowed(r)) return undefined;
    if (r.by === 'owner_or_quality_manager' && !isQm) return t('ca.transition.onlyOwner', { owner: a.ownerName });
    if (r.by === 'quality_manager') return t('ca.transition.onlyQm');
    return t('ca.transition.verdictByQm');
  };
  return (
    <Card withBorder component="section" aria-labelledby="ca-next-heading">
      <Title order={2} size="h4" id="ca-next-heading" mb="xs">
        {t('deviation.transition.title')}
      </Title>
      {shown.length === 0 && verdicts.length === 0 ? <Text size="sm">{t('ca.transition.none')}</Text> : null}
      <Stack gap="xs">
        {shown.map((r) => {
          const reason = why(r);
          const key = `${r.to}-${r.verdict ?? ''}`;
          return (
            <div key={key}>
              <Button
                variant={r.to === 'cancelled' ? 'default' : 'filled'}
                disabled={!!reason}
                aria-describedby={reason ? `why-${key}` : undefined}
                onClick={() => setRule(r)}
              >
                {t(`ca.transition.to.${r.verdict ?? r.to}`)}
              </Button>
              {reason ? (
                <Text size="xs" id={`why-${key}`} mt={2}>
                  {reason}
                </Text>
              ) : null}
            </div>
          );
        })}
        {isOwner && verdicts.some((r) => !allowed(r)) ? <Text size="sm">{t('ca.transition.ownerCannotVerify')}</Text> : null}
      </Stack>
      {rule ? <ActionTransitionDialog action={a} rule={rule} onClose={() => setRule(undefined)} /> : null}
    </Card>
  );
}

function ActionTransitionDialog({ action: a, rule, onClose }: { action: Action; rule: Rule; onClose(): void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [evidence, setEvidence] = useState('');
  const [signing, setSigning] = useState(false);
  const askEvidence = rule.evidence || rule.to === 'implemented';
  const move = useMutationAction(
    (password: string | undefined) =>
      call(
        api.POST('/api/corrective-actions/{id}/transitions', {
          params: { path: { id: a.id } },
          headers: { 'If-Match': `"${a.version}"` },
          body: {
            to: rule.to,
            comment,
            ...(rule.verdict ? { verdict: rule.verdict } : {}),
            ...(askEvidence && evidence.trim() ? { evidence } : {}),
            ...(password ? { password } : {}),
          },
        }),
      ),
    {
      sets: actionKeys.one(a.id),
      invalidates: [actionKeys.all, deviationKeys.all],
      done: t('ca.transition.done', { state: t(`status.action.${rule.to}`) }),
    },
  );
  const errors = fieldErrors(t, move.error);
  const label = t(`ca.transition.to.${rule.verdict ?? rule.to}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (rule.signature) setSigning(true);
    else move.mutate(undefined, { onSuccess: onClose });
  };
  return (
    <>
      {/* Unmounted while signing, so that the only dialog on the page is the one labelled Sign. */}
      {!signing ? (
        <Dialog opened onClose={onClose} title={label}>
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              {rule.verdict ? <Text size="sm">{t('ca.transition.criterion', { criterion: a.effectivenessCriterion })}</Text> : null}
              {askEvidence ? (
                <Textarea
                  label={t('ca.field.evidence')}
                  description={rule.to === 'implemented' ? t('ca.transition.implementedHelp') : t('ca.transition.evidenceHelp')}
                  required={!!rule.evidence}
                  autosize
                  minRows={2}
                  value={evidence}
                  onChange={(e) => setEvidence(e.currentTarget.value)}
                  error={errors.evidence}
                />
              ) : null}
              <Textarea
                label={t('deviation.field.comment')}
                required
                autosize
                minRows={2}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                error={errors.comment}
              />
              <ProblemAlert error={Object.keys(errors).length ? undefined : move.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t('action.cancel')}
                </Button>
                <Button type="submit" loading={move.isPending}>
                  {rule.signature ? t('deviation.transition.continueToSign') : label}
                </Button>
              </Group>
            </Stack>
          </form>
        </Dialog>
      ) : null}
      <SignatureDialog
        opened={signing}
        onClose={() => setSigning(false)}
        meaning={t('ca.signature.meaning')}
        record={`${a.reference}: ${a.description}`}
        onSign={async (password) => {
          await move.mutateAsync(password);
          onClose();
        }}
      />
    </>
  );
}

const DECISIONS = ['endorsed', 'changes_requested', 'escalated'] as const;

/**
 * A board member's review of the action: a decision and a comment, signed. Once given, the review
 * is shown with the others and not offered again.
 */
function BoardReviewCard({ action: a }: { action: Action }) {
  const { t } = useTranslation();
  const user = useUser();
  const [decision, setDecision] = useState<(typeof DECISIONS)[number] | ''>('');
  const [comment, setComment] = useState('');
  const [signing, setSigning] = useState(false);
  const review = useMutationAction(
    (password: string) =>
      call(
        api.POST('/api/corrective-actions/{id}/board-reviews', {
          params: { path: { id: a.id } },
          headers: { 'If-Match': `"${a.version}"` },
          body: { decision: decision as (typeof DECISIONS)[number], comment, password },
        }),
      ),
    { invalidates: [actionKeys.one(a.id), actionKeys.all], done: t('ca.board.done') },
  );
  const mine = (a.boardReviews ?? []).find((r) => r.reviewerId === user.id);
  if (a.state === 'cancelled') return null;
  return (
    <Card withBorder component="section" aria-labelledby="board-review-heading">
      <Title order={2} size="h4" id="board-review-heading" mb="xs">
        {t('ca.board.title')}
      </Title>
      {mine ? (
        <Text size="sm" role="status">
          {t('ca.board.given', { decision: t(`ca.decision.${mine.decision}`), at: formatDateTime(mine.reviewedAt) })}
        </Text>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (decision && comment.trim()) setSigning(true);
          }}
        >
          <Stack gap="sm">
            <Radio.Group
              label={t('ca.board.decision')}
              required
              value={decision}
              onChange={(v) => setDecision(v as (typeof DECISIONS)[number])}
            >
              <Stack gap={4} mt={4}>
                {DECISIONS.map((d) => (
                  <Radio key={d} value={d} label={t(`ca.decision.${d}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label={t('ca.board.comment')}
              required
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Button type="submit" w="fit-content" disabled={!decision || !comment.trim()}>
              {t('deviation.transition.continueToSign')}
            </Button>
          </Stack>
        </form>
      )}
      <SignatureDialog
        opened={signing}
        onClose={() => setSigning(false)}
        meaning={decision ? t('ca.board.meaning', { decision: t(`ca.decision.${decision}`) }) : ''}
        record={`${a.reference}: ${a.description}`}
        onSign={(password) => review.mutateAsync(password)}
      />
    </Card>
  );
}
