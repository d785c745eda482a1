import { Alert, Button, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemKey, unplacedProblems } from '../lib/problems';

/** The one place a server problem is shown: translated by its `type`; field problems no field shows, listed. */
export function ProblemAlert({
  error,
  fields = [],
  onRetry,
  messageKey,
}: {
  error: unknown;
  fields?: readonly string[];
  onRetry?: () => void;
  /** A feature's own message for this problem (its `type` known there), instead of the generic one. */
  messageKey?: string;
}) {
  const { t } = useTranslation();
  const rest = unplacedProblems(error, fields);
  return (
    <Alert role="alert" color="red" variant="light" title={t('problems.title')} my="md">
      {t(messageKey ?? problemKey(error))}
      {rest.length > 0 && (
        <List size="sm" mt="xs">
          {rest.map((p) => (
            <List.Item key={p.field}>
              <bdi>{p.field}</bdi>: {t('problems.field')}
            </List.Item>
          ))}
        </List>
      )}
      {onRetry && (
        <Button variant="outline" color="red.9" size="xs" mt="sm" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      )}
    </Alert>
  );
}
