import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { missingKey, type ProfileView } from './partners-queries';

/** What the profile still lacks before the fund can verify it (the server's list), and what waits here. */
export function MissingList({ profile, pending = [] }: { profile: ProfileView; pending?: string[] }) {
  const { t } = useTranslation();
  if (profile.complete && pending.length === 0)
    return (
      <Alert
        className="partners-alert"
        variant="light"
        color="teal"
        title={t('partners.missing.completeTitle')}
        data-testid="profile-complete"
      >
        <Text size="sm">{t('partners.missing.complete')}</Text>
      </Alert>
    );
  return (
    <Alert
      className="partners-alert"
      variant="light"
      color="orange"
      title={t('partners.missing.title', { count: profile.missing.length })}
      data-testid="profile-missing"
    >
      <List size="sm">
        {profile.missing.map((m) => (
          <List.Item key={m.field} data-field={m.field}>
            {t(missingKey(m.field))}
          </List.Item>
        ))}
      </List>
      {pending.length > 0 && (
        <Text size="sm" mt="xs">
          {t('partners.missing.pending', { count: pending.length })}
        </Text>
      )}
    </Alert>
  );
}
