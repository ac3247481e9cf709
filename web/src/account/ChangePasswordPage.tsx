/**
 * Changing one's own password: forced after the first sign-in with a password an administrator
 * set (the service refuses almost everything until then), and open from the user menu at any
 * time. The service's rules are said as sentences; its refusals land on their fields.
 */
import { Alert, Button, List, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useAuth, useUser } from '../app/auth';
import { PageHeader } from '../ui/Page';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fieldErrors } from '../ui/problem';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from './passwordRules';

/** Only paths inside the console: a `next` pointing elsewhere is ignored. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/account/password') ? next : '/';
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { changePassword } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const forced = user.mustChangePassword;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    // The rules the console can check itself, before asking the service.
    const problems: Record<string, string> = {};
    const length = passwordLength(next);
    if (length < PASSWORD_MIN_LENGTH) problems.newPassword = t('password.error.tooShort', { min: PASSWORD_MIN_LENGTH, length });
    else if (length > PASSWORD_MAX_LENGTH) problems.newPassword = t('password.error.tooLong', { max: PASSWORD_MAX_LENGTH, length });
    else if (next === current) problems.newPassword = t('password.error.same');
    if (repeat !== next) problems.repeat = t('password.error.repeat');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await changePassword(current, next);
      notifications.show({ message: t('password.done'), color: 'green', closeButtonProps: { 'aria-label': t('action.dismiss') } });
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const server = fieldErrors(t, error);
  const errors = { ...server, ...local };
  const onlyFields = error instanceof ApiError && Object.keys(server).length > 0;

  return (
    <Stack maw={520}>
      <PageHeader title={t('password.title')} />
      {forced ? (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />} role="status">
          {t('password.forced')}
        </Alert>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            required
            withAsterisk={false}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <PasswordInput
            label={t('password.new')}
            autoComplete="new-password"
            required
            withAsterisk={false}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.newPassword}
            description={t('password.rulesIntro')}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <section aria-labelledby="password-rules">
            <Text id="password-rules" size="sm" fw={600}>
              {t('password.rules.title')}
            </Text>
            <List size="sm" spacing={2}>
              <List.Item>{t('password.rules.length', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}</List.Item>
              <List.Item>{t('password.rules.common')}</List.Item>
              <List.Item>{t('password.rules.own')}</List.Item>
              <List.Item>{t('password.rules.different')}</List.Item>
              <List.Item>{t('password.rules.noComposition')}</List.Item>
            </List>
          </section>
          <PasswordInput
            label={t('password.repeat')}
            autoComplete="new-password"
            required
            withAsterisk={false}
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={errors.repeat}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          {error && !onlyFields ? <ProblemAlert error={error} /> : null}
          <Button type="submit" loading={busy} w="fit-content">
            {t('password.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
