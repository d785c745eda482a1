import { Anchor, Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText } from '../../components/DateText';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { applicationsQuery, callsQuery, grantsQuery, notificationsQuery } from '../../lib/queries';
import { nextTranche, reportDue } from './grant-facts';

/** The NGO's home: its applications, its grants (next tranche, report due), the open calls and notices. */
export function NgoDashboard() {
  const { t } = useTranslation();
  const apps = useQuery(applicationsQuery({ query: { limit: 100 } }));
  const grants = useQuery(grantsQuery({ query: { limit: 100 } }));
  const notices = useQuery(notificationsQuery());
  const calls = useQuery(callsQuery({ query: { status: 'open', limit: 100 } }));
  const appliedTo = new Set(
    (apps.data?.items ?? []).filter((a) => a.status !== 'withdrawn').map((a) => a.callId),
  );
  return (
    <Stack gap="lg">
      <Text>
        <Anchor component={Link} to="/organization">
          {t('ngo.dashboard.organization')}
        </Anchor>
        {' · '}
        <Anchor component={Link} to="/organization/profile" data-testid="dashboard-profile-link">
          {t('ngo.dashboard.dueDiligence')}
        </Anchor>
      </Text>
      <section aria-labelledby="apps-title">
        <Title order={2} id="apps-title">
          {t('ngo.dashboard.applications')}
        </Title>
        {apps.isPending && <Loading />}
        {apps.error && <ProblemAlert error={apps.error} />}
        {apps.data && apps.data.items.length === 0 && <Text>{t('ngo.dashboard.noApplications')}</Text>}
        {apps.data && apps.data.items.length > 0 && (
          <div className="table-scroll">
            <Table striped withTableBorder data-testid="my-applications">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('ngo.fields.title')}</Table.Th>
                  <Table.Th scope="col">{t('ngo.status.label')}</Table.Th>
                  <Table.Th scope="col">{t('ngo.dashboard.requested')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {apps.data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={a.status === 'draft' ? `/calls/${a.callId}/apply` : `/applications/${a.id}`}
                      >
                        {a.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color="un.8">
                        {t(`ngo.status.${a.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <MoneyText amount={a.requested} currency={a.currency} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </section>
      <section aria-labelledby="grants-title">
        <Title order={2} id="grants-title">
          {t('ngo.dashboard.grants')}
        </Title>
        {grants.isPending && <Loading />}
        {grants.error && <ProblemAlert error={grants.error} />}
        {grants.data && grants.data.items.length === 0 && <Text>{t('ngo.dashboard.noGrants')}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {grants.data?.items.map((g) => {
            const next = nextTranche(g.tranches);
            // no report is due while the API would not take one (full workflow: before the signed agreement)
            const report = g.reporting.open ? reportDue(g.tranches, g.reports) : null;
            return (
              <Paper key={g.id} withBorder p="md">
                <Anchor component={Link} to={`/grants/${g.id}`} fw={700}>
                  {g.title}
                </Anchor>
                <Text size="sm">
                  {t('ngo.grant.award')} <MoneyText amount={g.amount} currency={g.currency} /> ·{' '}
                  {t(`ngo.grantStatus.${g.status}`)}
                </Text>
                <Text size="sm">
                  {next ? (
                    <>
                      {t('ngo.dashboard.nextTranche', { count: next.n })}{' '}
                      <MoneyText amount={next.amount} currency={g.currency} /> (
                      {t(`ngo.tranche.${next.state}`)})
                    </>
                  ) : (
                    t('ngo.dashboard.noTranche')
                  )}
                </Text>
                <Text size="sm" data-testid="report-due">
                  {report ? (
                    <>
                      {t('ngo.dashboard.reportDue', { count: report.forTranche })}
                      {report.dueBy && (
                        <>
                          {' '}
                          <DateText value={report.dueBy} />
                        </>
                      )}
                    </>
                  ) : (
                    t('ngo.dashboard.noReportDue')
                  )}
                </Text>
              </Paper>
            );
          })}
        </SimpleGrid>
      </section>
      <section aria-labelledby="calls-title">
        <Title order={2} id="calls-title">
          {t('ngo.dashboard.openCalls')}
        </Title>
        {calls.data && calls.data.items.length === 0 && <Text>{t('calls.none')}</Text>}
        <Stack gap="xs">
          {calls.data?.items.map((c) => (
            <Text key={c.id}>
              <bdi>{c.title}</bdi>{' '}
              {appliedTo.has(c.id) ? (
                <Text span size="sm">
                  ({t('ngo.dashboard.applied')})
                </Text>
              ) : (
                <Anchor component={Link} to={`/calls/${c.id}/apply`}>
                  {t('ngo.dashboard.applyTo', { title: c.title })}
                </Anchor>
              )}
            </Text>
          ))}
        </Stack>
      </section>
      <section aria-labelledby="notices-title">
        <Title order={2} id="notices-title">
          {t('ngo.dashboard.notices')}
        </Title>
        {notices.data && notices.data.length === 0 && <Text>{t('ngo.dashboard.noNotices')}</Text>}
        <Stack gap="xs">
          {notices.data?.slice(0, 10).map((n) => (
            <Paper key={n.id} withBorder p="sm">
              <Text fw={600}>{n.subject}</Text>
              <Text size="sm">
                <DateText value={n.createdAt} />
              </Text>
            </Paper>
          ))}
        </Stack>
      </section>
    </Stack>
  );
}
