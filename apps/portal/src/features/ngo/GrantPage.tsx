import './mantine-ngo.css';
import { Alert, Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { DateText } from '../../components/DateText';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countryName, formatDate } from '../../lib/format';

import { grantQuery, type GrantView } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';

import { NgoPostAward } from '../post-award/NgoPostAward';
import { ReportForm } from './ReportForm';

/**
 * A grant as its organization sees it: the agreement, the post-award sections (offer, signature, schedule,
 * amendments, assurance), tranches, reports (and filing one), returns.
 */
export function GrantPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  useTitle('ngo.grant.title');
  const token = useAccessToken();
  const grant = useQuery({ ...grantQuery({ path: { id } }), enabled: Boolean(token) });
  if (!token) return <Navigate to="/sign-in" replace />;
  if (grant.error) return <ProblemAlert error={grant.error} />;
  if (!grant.data) return <Loading />;
  const g = grant.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/dashboard">
        {t('ngo.backToDashboard')}
      </Anchor>
      <Title order={1}>{g.title}</Title>
      <Agreement grant={g} />
      <NgoPostAward grantId={g.id} />
      <Tranches grant={g} />
      <Reports grant={g} />
      {g.reporting.open ? <ReportForm grant={g} /> : <ReportingWaits grant={g} />}
      <Returns grant={g} />
    </Stack>
  );
}

function Agreement({ grant: g }: { grant: GrantView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="agreement-title">
      <Title order={2} id="agreement-title">
        {t('ngo.grant.agreement')}
      </Title>
      <Paper withBorder p="md">
        <Stack gap={4}>
          <Text>
            {t('ngo.status.label')}{' '}
            <Badge variant="outline" color="un.8">
              {t(`ngo.grantStatus.${g.status}`)}
            </Badge>
          </Text>
          <Text>
            {t('ngo.grant.award')} <MoneyText amount={g.amount} currency={g.currency} />
          </Text>
          <Text>
            {t('ngo.grant.disbursed')} <MoneyText amount={g.disbursed} currency={g.currency} />
          </Text>
          <Text>
            {t('ngo.grant.outstanding')} <MoneyText amount={g.outstanding} currency={g.currency} />
          </Text>
          <Text>
            {t('ngo.grant.approved')} <DateText value={g.approvedAt} />
          </Text>
          <Text>
            {g.signed && g.signedAt ? (
              <>
                {t('ngo.grant.signed')} <DateText value={g.signedAt} />
              </>
            ) : (
              t('ngo.grant.notSigned')
            )}
          </Text>
          <Text>
            {t('ngo.fields.countries')}: {g.countries.map((c) => countryName(c, locale)).join(', ')}
          </Text>
          {g.note && <Text style={{ whiteSpace: 'pre-line' }}>{g.note}</Text>}
        </Stack>
      </Paper>
    </section>
  );
}

function Tranches({ grant: g }: { grant: GrantView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="tranches-title">
      <Title order={2} id="tranches-title">
        {t('ngo.grant.tranches')}
      </Title>
      <div className="table-scroll">
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('ngo.grant.trancheNumber')}</Table.Th>
              <Table.Th scope="col">{t('ngo.grant.amount')}</Table.Th>
              <Table.Th scope="col">{t('ngo.grant.condition')}</Table.Th>
              <Table.Th scope="col">{t('ngo.status.label')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {g.tranches.map((tr) => (
              <Table.Tr key={tr.n}>
                <Table.Td>{tr.n}</Table.Td>
                <Table.Td>
                  <MoneyText amount={tr.amount} currency={g.currency} />
                </Table.Td>
                <Table.Td>{t(`ngo.condition.${tr.condition}`)}</Table.Td>
                <Table.Td>
                  {t(`ngo.tranche.${tr.state}`)}
                  {tr.paidAt && (
                    <>
                      {' '}
                      <DateText value={tr.paidAt} />
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}

function Reports({ grant: g }: { grant: GrantView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="reports-title">
      <Title order={2} id="reports-title">
        {t('ngo.grant.reports')}
      </Title>
      {g.reports.length === 0 && <Text>{t('ngo.grant.noReports')}</Text>}
      <Stack gap="xs" data-testid="grant-reports">
        {g.reports.map((r) => (
          <Paper key={r.id} withBorder p="sm">
            <Text fw={600}>
              {t('ngo.report.periodEnd')}: {formatDate(r.periodEnd, locale)} ·{' '}
              {t(`ngo.reportStatus.${r.status}`)}
            </Text>
            <Text size="sm">
              {t('ngo.report.spent')}: <MoneyText amount={r.spent} currency={g.currency} />
            </Text>
            {r.comment && <Text size="sm">{r.comment}</Text>}
          </Paper>
        ))}
      </Stack>
    </section>
  );
}

/**
 * Why no report can be filed yet (the API's `reporting`): in the full post-award workflow reports follow the
 * accepted offer and the agreement signed by both sides; the schedule above says when each is due.
 */
function ReportingWaits({ grant: g }: { grant: GrantView }) {
  const { t } = useTranslation();
  const why = g.reporting.blockedBy;
  if (why !== 'offer_not_accepted' && why !== 'agreement_not_signed') return null;
  return (
    <section aria-labelledby="report-wait-title" data-testid="reporting-waits" data-blocked-by={why}>
      <Title order={2} id="report-wait-title">
        {t('ngo.report.title')}
      </Title>
      <Alert color="un" variant="light" title={t('ngo.report.notYetTitle')}>
        {t(why === 'offer_not_accepted' ? 'ngo.report.afterAcceptance' : 'ngo.report.afterSignature')}{' '}
        {t('ngo.report.seeSchedule')}
      </Alert>
    </section>
  );
}

function Returns({ grant: g }: { grant: GrantView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="returns-title">
      <Title order={2} id="returns-title">
        {t('ngo.grant.returns')}
      </Title>
      {g.returns.length === 0 && <Text>{t('ngo.grant.noReturns')}</Text>}
      {g.returns.map((r) => (
        <Text key={r.id}>
          <DateText value={r.effectiveAt} />: <MoneyText amount={r.amount} currency={g.currency} />
          {r.note && ` · ${r.note}`}
        </Text>
      ))}
    </section>
  );
}
