import { Anchor, Button, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countryName, formatNumber } from '../../lib/format';
import { callQuery } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { AwardRange, Deadline } from './CallFacts';
import { Section } from '../../components/Section';

export function CallDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  useTitle('calls.title');
  const call = useQuery(callQuery({ path: { id } }));
  const token = useAccessToken();
  const back = (
    <Anchor component={Link} to="/calls">
      {t('calls.back')}
    </Anchor>
  );
  if (call.isPending) return <Loading />;
  if (call.error)
    return (
      <>
        {back}
        <ProblemAlert error={call.error} />
      </>
    );
  const c = call.data;
  return (
    <Stack gap="md">
      {back}
      <Title order={1}>{c.title}</Title>
      {(c.status === 'open' || c.status === 'published') && (
        <div>
          <Button component={Link} to={token ? `/calls/${c.id}/apply` : '/sign-in'} data-testid="apply">
            {t('ngo.apply.start')}
          </Button>
        </div>
      )}
      {c.description && <Text style={{ whiteSpace: 'pre-line' }}>{c.description}</Text>}
      <Section id="deadline" title={t('calls.deadline')}>
        <Deadline deadline={c.deadline} />
      </Section>
      <Section id="eligibility" title={t('calls.eligibility')}>
        <Text>{t('calls.eligibilityText')}</Text>
        <Title order={3} size="h4" mt="sm">
          {t('calls.countries')}
        </Title>
        {c.eligibleCountries.length ? (
          <List>
            {c.eligibleCountries
              .map((code) => ({ code, name: countryName(code, locale) }))
              .sort((a, b) => a.name.localeCompare(b.name, locale))
              .map(({ code, name }) => (
                <List.Item key={code}>{name}</List.Item>
              ))}
          </List>
        ) : (
          <Text>{t('calls.anyCountry')}</Text>
        )}
      </Section>
      <Section id="awards" title={t('calls.awards')}>
        <AwardRange call={c} />
        {c.envelope != null && (
          <Text>
            {t('calls.envelope')}: <MoneyText amount={c.envelope} currency={c.currency} />
          </Text>
        )}
      </Section>
      <Section id="themes" title={t('calls.themes')}>
        <List>
          {c.themes.map((theme) => (
            <List.Item key={theme}>{t(`services.${theme}`)}</List.Item>
          ))}
        </List>
      </Section>
      <Section id="rubric" title={t('calls.rubric')}>
        <div className="table-scroll">
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('calls.criterion')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('calls.weight')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('calls.maxScore')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.rubric.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row" fw={400}>
                    {r.label}
                  </Table.Th>
                  <Table.Td ta="end">{t('calls.weightValue', { weight: r.weight })}</Table.Td>
                  <Table.Td ta="end">{formatNumber(r.maxScore, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </Section>
    </Stack>
  );
}
