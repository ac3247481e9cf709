/**
 * An electronic signature: the dialog shows what is signed (meaning, the record, the printed
 * name of the signer) and asks for the password again. The password goes only to the one request
 * that signs.
 */
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { Dialog } from './Dialog';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../app/auth';
import { problemMessage } from './problem';

interface Props {
  opened: boolean;
  onClose(): void;
  /** What the signature means, in the user's language ("Closed as effective"). */
  meaning: string;
  /** The record signed ("Deviation DEV-2026-0003: Late intake interview"). */
  record: string;
  onSign(password: string): Promise<unknown>;
  /** What is signed, in detail (e.g. the procedures adopted with their content hashes). */
  details?: ReactNode;
}

export function SignatureDialog({ opened, onClose, meaning, record, onSign, details }: Props) {
  const { t } = useTranslation();
  const user = useUser();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const close = () => {
    setPassword('');
    setError(undefined);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSign(password);
      setPassword('');
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog opened={opened} onClose={close} title={t('signature.title')} centered>
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="sm">
          <dl className="signature-facts">
            <dt>{t('signature.meaning')}</dt>
            <dd>{meaning}</dd>
            <dt>{t('signature.record')}</dt>
            <dd>{record}</dd>
            <dt>{t('signature.signer')}</dt>
            <dd>{user.name}</dd>
          </dl>
          {details}
          <Text size="sm">{t('signature.explanation')}</Text>
          <PasswordInput
            label={t('signature.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
            withAsterisk={false}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
            autoComplete="current-password"
            data-autofocus
          />
          {error ? (
            <Alert color="red" role="alert">
              {problemMessage(t, error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={!password}>
              {t('signature.sign')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
