/**
 * What a quality manager can do with a version: submit a draft for review, approve it or reject it
 * (someone who wrote it may not approve it), retire a version in force. Approval and retirement are
 * signed; the dialog shows what is signed.
 */
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';
import { useUser } from '../app/auth';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SignatureDialog } from '../ui/SignatureDialog';
import { useAction } from '../ui/useAction';

type Version = Omit<Schemas['ProcedureVersionResponse'], 'definition'>;
type Kind = 'submit' | 'approve' | 'reject' | 'retire';

export function VersionActions({ version: v, title }: { version: Version; title: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const [kind, setKind] = useState<Kind>();
  const [text, setText] = useState('');
  const [signing, setSigning] = useState(false);
  const path = { key: v.procedureKey, n: v.number };
  const run = useAction(
    (password: string | undefined) => {
      if (kind === 'submit') return call(api.POST('/api/procedures/{key}/versions/{n}/submit', { params: { path } }));
      if (kind === 'approve') return call(api.POST('/api/procedures/{key}/versions/{n}/approve', { params: { path }, body: { password: password!, comment: text } }));
      if (kind === 'reject') return call(api.POST('/api/procedures/{key}/versions/{n}/reject', { params: { path }, body: { comment: text } }));
      return call(api.POST('/api/procedures/{key}/versions/{n}/retire', { params: { path }, body: { password: password!, reason: text } }));
    },
    { invalidates: [['procedures']], done: kind ? t(`procedure.action.${kind}.done`) : undefined },
  );
  // What this user may do is the service's answer (allowedActions is per caller: no approval for
  // someone who wrote the version); the console only explains why approval is missing.
  const allowed = v.allowedActions as Kind[];
  const wrote = v.contributors.some((c) => c.id === user.id) || v.author?.id === user.id;
  const close = () => {
    setKind(undefined);
    setText('');
    run.reset();
  };
  const signed = kind === 'approve' || kind === 'retire';
  return (
    <Stack gap="xs">
      {allowed.length > 0 ? (
        <Group gap="xs">
          {allowed.map((a) => (
            <Button key={a} variant={a === 'reject' || a === 'retire' ? 'default' : 'filled'} onClick={() => setKind(a)}>
              {t(`procedure.action.${a}.label`)}
            </Button>
          ))}
        </Group>
      ) : null}
      {wrote && v.status === 'in_review' && !allowed.includes('approve') ? <Text size="sm">{t('procedure.action.approve.notAuthor')}</Text> : null}
      <Dialog opened={!!kind && !signing} onClose={close} title={kind ? t(`procedure.action.${kind}.label`) : ''}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (signed) setSigning(true);
            else run.mutate(undefined, { onSuccess: close });
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{kind ? t(`procedure.action.${kind}.explanation`, { version: v.number }) : ''}</Text>
            {kind && kind !== 'submit' ? (
              <Textarea label={t(`procedure.action.${kind}.text`)} required value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} />
            ) : null}
            <ProblemAlert error={run.error} />
            <Button type="submit" w="fit-content" loading={run.isPending} disabled={kind !== 'submit' && !text.trim()}>
              {signed ? t('deviation.transition.continueToSign') : kind ? t(`procedure.action.${kind}.label`) : ''}
            </Button>
          </Stack>
        </form>
      </Dialog>
      <SignatureDialog
        opened={signing}
        onClose={() => {
          setSigning(false);
          if (run.isSuccess) close();
        }}
        meaning={kind ? t(`procedure.action.${kind}.meaning`, { version: v.number }) : ''}
        record={`${title}, ${t('procedure.field.version').toLowerCase()} ${v.number}`}
        onSign={async (password) => {
          await run.mutateAsync(password);
          close();
        }}
      />
    </Stack>
  );
}
