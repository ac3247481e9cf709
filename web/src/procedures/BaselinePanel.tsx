/**
 * The shipped baseline on the procedure library page: while it awaits adoption everyone sees so
 * (nothing can be carried out until then); a quality manager adopts it here with a signature
 * (meaning "baseline adoption") over the procedures listed with their content hashes.
 */
import { Alert, Button, Code, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconSignature } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';
import { useAuth } from '../app/auth';
import { localised } from '../i18n/i18n';
import { formatDateTime } from '../ui/format';
import { ProblemAlert } from '../ui/ProblemAlert';
import { SignatureDialog } from '../ui/SignatureDialog';
import { useAction } from '../ui/useAction';

export function BaselinePanel() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const [signing, setSigning] = useState(false);
  const baseline = useQuery({ queryKey: ['procedures', 'baseline'], queryFn: () => call(api.GET('/api/procedures/baseline/adoption')) });
  const adopt = useAction((password: string) => call(api.POST('/api/procedures/baseline/adopt', { body: { password } })), {
    invalidates: [['procedures']],
    done: t('procedure.baseline.done'),
  });
  const b = baseline.data;
  if (baseline.error) return <ProblemAlert error={baseline.error} onRetry={() => void baseline.refetch()} />;
  if (!b || b.state === 'none') return null;
  if (b.state === 'adopted') {
    return (
      <Text mb="md">
        <IconCircleCheck size={16} aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
        {t('procedure.baseline.adopted', { name: b.adoptedBy?.name, date: formatDateTime(b.adoptedAt), meaning: b.meaning })}
      </Text>
    );
  }
  const quality = hasRole('quality_manager');
  return (
    <Alert
      mb="md"
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle size={18} aria-hidden />}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('procedure.baseline.title')}
        </Title>
        <Text size="sm">{t('procedure.baseline.awaiting')}</Text>
        {quality ? (
          <>
            <Text size="sm">{t('procedure.baseline.explanation')}</Text>
            <BaselineTable procedures={b.procedures} />
            <Text size="sm">{t('procedure.baseline.listHash', { hash: b.baselineHash })}</Text>
            <Button w="fit-content" leftSection={<IconSignature size={16} aria-hidden />} onClick={() => setSigning(true)}>
              {t('procedure.baseline.adopt')}
            </Button>
          </>
        ) : (
          <Text size="sm">{t('procedure.baseline.awaitingOther')}</Text>
        )}
      </Stack>
      <SignatureDialog
        opened={signing}
        onClose={() => setSigning(false)}
        meaning={t('procedure.baseline.meaning')}
        record={t('procedure.baseline.record', { count: b.procedures.length, hash: b.baselineHash })}
        details={<BaselineTable procedures={b.procedures} />}
        onSign={(password) => adopt.mutateAsync(password)}
      />
    </Alert>
  );
}

function BaselineTable({ procedures }: { procedures: Schemas['BaselineProcedure'][] }) {
  const { t } = useTranslation();
  return (
      <Table layout="fixed">
        <caption>{t('procedure.baseline.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('procedure.field.title')}</Table.Th>
            <Table.Th scope="col">{t('procedure.field.version')}</Table.Th>
            <Table.Th scope="col">{t('procedure.baseline.hash')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {procedures.map((p) => (
            <Table.Tr key={p.key}>
              <Table.Td>{localised(p.title)}</Table.Td>
              <Table.Td>{p.version}</Table.Td>
              <Table.Td>
                <Code style={{ wordBreak: 'break-all' }}>{p.contentHash}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
  );
}
