/**
 * What the caller may do with a document version, as the service says (allowedActions): submit a
 * draft, approve or reject one under review (nobody approves what they wrote), retire the version
 * in force. Approval and retirement are signed; the dialog shows what is signed.
 */
import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { useUser } from '../app/auth';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SignatureDialog } from '../ui/SignatureDialog';
import { today } from '../ui/format';
import { useAction } from '../ui/useAction';
import { documentKeys } from './queries';
import type { ControlledDocument, DocumentVersion } from './queries';

type Kind = 'submit' | 'approve' | 'reject' | 'retire';

export function VersionActions({ doc, version: v }: { doc: ControlledDocument; version: DocumentVersion }) {
  const { t } = useTranslation();
  const user = useUser();
  const [kind, setKind] = useState<Kind>();
  const [text, setText] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(today());
  const [signing, setSigning] = useState(false);
  const path = { id: doc.id, n: v.number };
  const run = useAction(
    (password: string | undefined) => {
      if (kind === 'submit') return call(api.POST('/api/documents/{id}/versions/{n}/submit', { params: { path } }));
      if (kind === 'approve')
        return call(
          api.POST('/api/documents/{id}/versions/{n}/approve', {
            params: { path },
            body: { password: password!, comment: text, effectiveOn },
          }),
        );
      if (kind === 'reject')
        return call(api.POST('/api/documents/{id}/versions/{n}/reject', { params: { path }, body: { comment: text } }));
      return call(api.POST('/api/documents/{id}/versions/{n}/retire', { params: { path }, body: { password: password!, reason: text } }));
    },
    { invalidates: [documentKeys.all], sets: documentKeys.one(doc.id), done: kind ? t(`document.action.${kind}.done`) : undefined },
  );
  const allowed = v.allowedActions.filter((a): a is Kind => a !== 'upload');
  const wrote = v.contributors.some((c) => c.id === user.id);
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
              {t(`document.action.${a}.label`)}
            </Button>
          ))}
        </Group>
      ) : null}
      {wrote && v.state === 'in_review' && !allowed.includes('approve') && user.roles.includes('quality_manager') ? (
        <Text size="sm">{t('document.action.approve.notAuthor')}</Text>
      ) : null}
      <Dialog opened={!!kind && !signing} onClose={close} title={kind ? t(`document.action.${kind}.label`) : ''}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (signed) setSigning(true);
            else run.mutate(undefined, { onSuccess: close });
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{kind ? t(`document.action.${kind}.explanation`, { version: v.number }) : ''}</Text>
            {kind && kind !== 'submit' ? (
              <Textarea
                label={t(`document.action.${kind}.text`)}
                required
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                autosize
                minRows={2}
              />
            ) : null}
            {kind === 'approve' ? (
              <TextInput
                type="date"
                label={t('document.field.effectiveOn')}
                required
                value={effectiveOn}
                onChange={(e) => setEffectiveOn(e.currentTarget.value)}
              />
            ) : null}
            <ProblemAlert error={run.error} />
            <Button type="submit" w="fit-content" loading={run.isPending} disabled={kind !== 'submit' && !text.trim()}>
              {signed ? t('deviation.transition.continueToSign') : kind ? t(`document.action.${kind}.label`) : ''}
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
        meaning={kind ? t(`document.action.${kind}.meaning`, { version: v.number }) : ''}
        record={`${doc.reference} ${doc.title}, ${t('document.versionNumber', { number: v.number }).toLowerCase()}`}
        onSign={async (password) => {
          await run.mutateAsync(password);
          close();
        }}
      />
    </Stack>
  );
}
