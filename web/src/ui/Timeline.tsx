import { Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';
import { formatDateTime } from './format';

type Signature = Schemas['SignatureResponse'];

export interface TimelineEntry {
  key: string | number;
  at: string;
  title: string;
  comment?: string | null;
  extra?: string[];
  signatureId?: string | null;
}

/** The history of a record, oldest first, with the signatures made on the way. */
export function Timeline({ label, entries, signatures }: { label: string; entries: TimelineEntry[]; signatures: Signature[] }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline" aria-label={label}>
      {entries.map((e) => {
        const signature = e.signatureId ? signatures.find((s) => s.id === e.signatureId) : undefined;
        return (
          <li key={e.key}>
            <Text size="sm" fw={600}>
              {e.title}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(e.at)}
            </Text>
            {e.comment ? <Text size="sm">{e.comment}</Text> : null}
            {e.extra?.map((x) => (
              <Text size="sm" key={x}>
                {x}
              </Text>
            ))}
            {signature ? (
              <Text size="sm" mt={2}>
                <IconSignature size={14} aria-hidden />{' '}
                {t('signature.signedLine', {
                  name: signature.signerName,
                  meaning: signature.meaning,
                  at: formatDateTime(signature.signedAt),
                })}
              </Text>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
