import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTitle } from '../../lib/use-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  const title = useTitle('notFound.title');
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>{title}</Title>
      <Text>{t('notFound.text')}</Text>
      <Button component={Link} to="/">
        {t('notFound.home')}
      </Button>
    </Stack>
  );
}
