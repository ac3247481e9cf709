/**
 * One controlled document: its facts and review-by day, "read and understood" for the user asked
 * to acknowledge it, the versions with their states, files and signatures (upload to a draft,
 * submit, approve, reject, retire), and for quality managers and auditors who has not acknowledged.
 */
import { Alert, Button, Card, Group, Input, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconUpload } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../api/client';
import { useUser } from '../app/auth';
import { Dialog } from '../ui/Dialog';
import { download } from '../ui/download';
import { DataTable, Loading, PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { AcknowledgementList } from '../ui/AcknowledgementList';
import { StatusBadge } from '../ui/StatusBadge';
import { formatDate, formatDateTime } from '../ui/format';
import { useAction } from '../ui/useAction';
import { VersionActions } from './VersionActions';
import { documentKeys, useAcknowledgements, useDocument } from './queries';
import type { ControlledDocument, DocumentVersion } from './queries';

function FileUpload({ doc, version }: { doc: ControlledDocument; version: DocumentVersion }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const upload = useAction(
    (f: File) => {
      const form = new FormData();
      form.append('file', f);
      return call(
        api.POST('/api/documents/{id}/versions/{n}/files', {
          params: { path: { id: doc.id, n: version.number } },
          body: form as unknown as { file: string },
        }),
      );
    },
    { invalidates: [documentKeys.all], sets: documentKeys.one(doc.id), done: t('document.upload.done') },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file)
          upload.mutate(file, {
            onSuccess: () => {
              setFile(null);
              if (input.current) input.current.value = '';
            },
          });
      }}
    >
      <Stack gap="xs">
        <Input.Wrapper label={t('document.upload.label')} description={t('document.upload.help')} id={id}>
          <input
            id={id}
            ref={input}
            type="file"
            accept=".pdf,.docx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </Input.Wrapper>
        <ProblemAlert error={upload.error} />
        <Button
          type="submit"
          w="fit-content"
          leftSection={<IconUpload size={16} aria-hidden />}
          loading={upload.isPending}
          disabled={!file}
        >
          {t('document.upload.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function VersionCard({ doc, version: v }: { doc: ControlledDocument; version: DocumentVersion }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState<unknown>();
  const headingId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group gap="sm">
          <Title order={3} size="h4" id={headingId}>
            {t('document.versionNumber', { number: v.number })}
          </Title>
          <StatusBadge kind="version" value={v.state} />
        </Group>
        {v.changeSummary ? <Text size="sm">{v.changeSummary}</Text> : null}
        <Text size="sm">
          {[
            t('document.version.author', { name: v.author.name }),
            v.effectiveOn ? t('document.version.effectiveOn', { date: formatDate(v.effectiveOn) }) : null,
            v.supersededOn ? t('document.version.supersededOn', { date: formatDate(v.supersededOn) }) : null,
            v.statusReason ? t('document.version.reason', { reason: v.statusReason }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {v.files.length > 0 ? (
          <DataTable
            caption={t('document.files.caption', { count: v.files.length })}
            head={[t('document.files.name'), t('document.files.size'), t('document.files.sha256'), t('document.files.download')]}
          >
            {v.files.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{f.filename}</Table.Td>
                <Table.Td>{t('document.files.kb', { count: Math.max(1, Math.round(f.sizeBytes / 1024)) })}</Table.Td>
                <Table.Td>
                  <code>{f.sha256.slice(0, 16)}…</code>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconDownload size={14} aria-hidden />}
                    aria-label={t('document.files.downloadName', { name: f.filename })}
                    onClick={() => {
                      setFailed(undefined);
                      download(
                        api.GET('/api/documents/{id}/versions/{n}/files/{fileId}', {
                          params: { path: { id: doc.id, n: v.number, fileId: f.id } },
                          parseAs: 'blob',
                        }),
                        f.filename,
                      ).catch(setFailed);
                    }}
                  >
                    {t('document.files.download')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        ) : (
          <Text size="sm">{t('document.files.none')}</Text>
        )}
        <ProblemAlert error={failed} />
        {v.allowedActions.includes('upload') ? <FileUpload doc={doc} version={v} /> : null}
        {v.signatures.map((s) => (
          <Text size="sm" key={s.id}>
            {t('signature.signedLine', { name: s.signerName, meaning: s.meaning, at: formatDateTime(s.signedAt) })}
          </Text>
        ))}
        <VersionActions doc={doc} version={v} />
      </Stack>
    </Card>
  );
}

/** The user's "read and understood" of the version in force, when it asks them. */
function MyAcknowledgement({ doc }: { doc: ControlledDocument }) {
  const { t } = useTranslation();
  const ack = useAction(() => call(api.POST('/api/documents/{id}/acknowledgements', { params: { path: { id: doc.id } } })), {
    invalidates: [documentKeys.all],
    done: t('document.acknowledge.done'),
  });
  if (!doc.myAcknowledgement.required) return null;
  if (doc.myAcknowledgement.acknowledgedAt) {
    return (
      <Group gap={6}>
        <IconCircleCheck size={18} aria-hidden />
        <Text size="sm">
          {t('document.acknowledge.done_at', { version: doc.effectiveVersion, at: formatDateTime(doc.myAcknowledgement.acknowledgedAt) })}
        </Text>
      </Group>
    );
  }
  return (
    <Alert color="blue" variant="light" title={t('document.acknowledge.title')}>
      <Stack gap="xs">
        <Text size="sm">{t('document.acknowledge.explanation', { version: doc.effectiveVersion })}</Text>
        <ProblemAlert error={ack.error} />
        <Button w="fit-content" onClick={() => ack.mutate(undefined)} loading={ack.isPending}>
          {t('document.acknowledge.button')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** Who must acknowledge the version in force, those who have not first (quality managers and auditors). */
function Acknowledgements({ doc }: { doc: ControlledDocument }) {
  const list = useAcknowledgements(doc.id, true);
  return <AcknowledgementList id="document-acknowledgements" query={list} />;
}

/** Start the next version, or record a review that found nothing to change. */
function DocumentActions({ doc }: { doc: ControlledDocument }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'draft' | 'review'>();
  const [text, setText] = useState('');
  const [nextReviewBy, setNextReviewBy] = useState('');
  const run = useAction(
    () =>
      kind === 'draft'
        ? call(api.POST('/api/documents/{id}/versions', { params: { path: { id: doc.id } }, body: { changeSummary: text || undefined } }))
        : call(
            api.POST('/api/documents/{id}/reviews', {
              params: { path: { id: doc.id } },
              body: { comment: text, nextReviewBy: nextReviewBy || undefined },
            }),
          ),
    { invalidates: [documentKeys.all], sets: documentKeys.one(doc.id), done: kind ? t(`document.${kind}.done`) : undefined },
  );
  const close = () => {
    setKind(undefined);
    setText('');
    setNextReviewBy('');
    run.reset();
  };
  if (!doc.mayDraft && !doc.mayReview) return null;
  return (
    <>
      <Group gap="xs">
        {doc.mayDraft ? <Button onClick={() => setKind('draft')}>{t('document.draft.label')}</Button> : null}
        {doc.mayReview ? (
          <Button variant="default" onClick={() => setKind('review')}>
            {t('document.review.label')}
          </Button>
        ) : null}
      </Group>
      <Dialog opened={!!kind} onClose={close} title={kind ? t(`document.${kind}.label`) : ''}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run.mutate(undefined, { onSuccess: close });
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{kind ? t(`document.${kind}.explanation`) : ''}</Text>
            <Textarea
              label={kind ? t(`document.${kind}.text`) : ''}
              required={kind === 'review'}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            {kind === 'review' ? (
              <TextInput
                type="date"
                label={t('document.review.nextReviewBy')}
                description={t('document.review.nextReviewByHelp')}
                value={nextReviewBy}
                onChange={(e) => setNextReviewBy(e.currentTarget.value)}
              />
            ) : null}
            <ProblemAlert error={run.error} />
            <Button type="submit" w="fit-content" loading={run.isPending} disabled={kind === 'review' && !text.trim()}>
              {kind ? t(`document.${kind}.submit`) : ''}
            </Button>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}

export function DocumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser();
  const doc = useDocument(id);
  if (doc.isPending) return <Loading />;
  if (!doc.data) return <ProblemAlert error={doc.error} onRetry={() => void doc.refetch()} />;
  const d = doc.data;
  const readsAcknowledgements = user.roles.includes('quality_manager') || user.roles.includes('auditor');
  return (
    <>
      <PageHeader
        title={`${d.reference}: ${d.title}`}
        trail={[{ to: '/documents', label: t('document.list.title') }]}
        actions={<DocumentActions doc={d} />}
      />
      <Stack gap="md">
        <dl className="facts">
          <dt>{t('document.field.kind')}</dt>
          <dd>{t(`document.kind.${d.kind}`)}</dd>
          <dt>{t('document.field.owner')}</dt>
          <dd>{d.owner.name}</dd>
          <dt>{t('document.field.effectiveVersion')}</dt>
          <dd>{d.effectiveVersion !== null ? t('document.versionNumber', { number: d.effectiveVersion }) : t('document.noneInForce')}</dd>
          <dt>{t('document.field.reviewBy')}</dt>
          <dd>
            {formatDate(d.reviewBy)}
            {d.reviewIntervalMonths ? ` (${t('document.everyMonths', { count: d.reviewIntervalMonths })})` : ''}
            {d.reviewOverdue ? (
              <>
                {' '}
                <StatusBadge kind="cell" value="overdue" />
              </>
            ) : null}
          </dd>
        </dl>
        <MyAcknowledgement doc={d} />
        {readsAcknowledgements ? <Acknowledgements doc={d} /> : null}
        <Title order={2} size="h4">
          {t('document.versions.title')}
        </Title>
        {[...d.versions].reverse().map((v) => (
          <VersionCard key={v.id} doc={d} version={v} />
        ))}
        {d.reviews.length > 0 ? (
          <Stack gap={4} component="section" aria-labelledby="document-reviews">
            <Title order={2} size="h4" id="document-reviews">
              {t('document.reviews.title')}
            </Title>
            {d.reviews.map((r) => (
              <Text size="sm" key={r.id}>
                {t('document.reviews.line', {
                  name: r.reviewedBy.name,
                  at: formatDateTime(r.reviewedAt),
                  version: r.versionNumber,
                  next: formatDate(r.nextReviewBy),
                  comment: r.comment,
                })}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </>
  );
}
