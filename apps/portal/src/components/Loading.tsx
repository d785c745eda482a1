import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Group role="status" gap="sm" py="md">
      <Loader size="sm" aria-hidden />
      <Text>{t('app.loading')}</Text>
    </Group>
  );
}
