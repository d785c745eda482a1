import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useTitle } from '../../lib/use-title';
import { AwardRange, Deadline } from './CallFacts';
import { openCallsQuery } from './open-calls';

export function CallsPage() {
  const { t } = useTranslation();
  const title = useTitle('calls.title');
  const calls = useQuery(openCallsQuery());
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Text>{t('calls.intro')}</Text>
      {calls.isPending && <Loading />}
      {calls.error && <ProblemAlert error={calls.error} onRetry={() => void calls.refetch()} />}
      {calls.data?.items.length === 0 && <Text>{t('calls.none')}</Text>}
      <Stack gap="md" component="ul" p={0} style={{ listStyle: 'none' }} data-testid="calls-list">
        {calls.data?.items.map((call) => (
          <Card component="li" key={call.id} withBorder padding="md">
            <Title order={2} size="h3">
              <Anchor
                component={Link}
                to={`/calls/${call.id}`}
                aria-label={t('calls.details', { title: call.title })}
              >
                {call.title}
              </Anchor>
            </Title>
            <Group gap="xs" my="xs">
              {call.themes.map((theme) => (
                <Badge key={theme} variant="outline" color="un.8">
                  {t(`services.${theme}`)}
                </Badge>
              ))}
            </Group>
            <Text fw={600} mt="xs">
              {t('calls.deadline')}
            </Text>
            <Deadline deadline={call.deadline} />
            <Text fw={600} mt="xs">
              {t('calls.awards')}
            </Text>
            <AwardRange call={call} />
            <Text mt="xs">
              {call.eligibleCountries.length
                ? t('calls.countryCount', { count: call.eligibleCountries.length })
                : t('calls.anyCountry')}
            </Text>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
