import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isNetwork, isStale, problemMessage } from './problem';

/**
 * A failure shown where it happened: a lost connection offers to try again, a record someone else
 * changed offers to reload it.
 */
export function ProblemAlert({ error, onRetry, onReload }: { error: unknown; onRetry?: () => void; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" title={t('problem.heading')}>
      <Text size="sm">{problemMessage(t, error)}</Text>
      {(isNetwork(error) && onRetry) || (isStale(error) && onReload) ? (
        <Group mt="xs">
          {isNetwork(error) && onRetry && (
            <Button size="xs" variant="outline" color="red" onClick={onRetry}>
              {t('action.retry')}
            </Button>
          )}
          {isStale(error) && onReload && (
            <Button size="xs" variant="outline" color="red" onClick={onReload}>
              {t('action.reload')}
            </Button>
          )}
        </Group>
      ) : null}
    </Alert>
  );
}
