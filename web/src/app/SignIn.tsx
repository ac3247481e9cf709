import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { problemMessage } from '../ui/problem';
import { useAuth } from './auth';
import { LanguageSelect } from './LanguageSelect';

/** Only paths inside the console: a `next` pointing elsewhere is ignored. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

export function SignIn() {
  const { t } = useTranslation();
  const { user, signIn } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (user && !busy) return <Navigate to={next} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email.trim(), password);
      void navigate(next, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main">
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={400}>
          <form onSubmit={(e) => void submit(e)}>
            <Stack>
              <Title order={1} size="h2">
                Mentoring QMS
              </Title>
              {params.get('reason') === 'expired' && !error ? (
                <Alert color="blue" role="status">
                  {t('auth.expired')}
                </Alert>
              ) : null}
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                required
                withAsterisk={false}
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('auth.password')}
                autoComplete="current-password"
                required
                withAsterisk={false}
                visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              {error ? (
                <Alert color="red" role="alert">
                  {problemMessage(t, error)}
                </Alert>
              ) : null}
              <Button type="submit" loading={busy}>
                {t('auth.signIn')}
              </Button>
              <LanguageSelect />
            </Stack>
          </form>
        </Paper>
      </Center>
    </main>
  );
}
