import './mantine-staff.css';
import { Alert, Anchor, Badge, Button, Checkbox, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { getCallRanking, listApplications, listCallAssignments } from '../../api/sdk.gen';
import type { ApplicationView } from '../../api/types.gen';
import { formatNumber } from '../../lib/format';
import { callQuery } from '../../lib/queries';
import { useStaffCatalog } from '../../lib/i18n/staff';
import { useAccessToken } from '../../lib/session';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { Compare } from './Compare';

const DecisionDialog = lazy(() =>
  import('../decisions/DecisionDialog').then((m) => ({ default: m.DecisionDialog })),
);

/**
 * A call's ranking for its fund manager: the mean of the submitted reviews (conflicts left out), how many
 * reviews, the spread flagged above the threshold; two or three side by side; the decision dialog.
 */
export function RankingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  useTitle('ranking.title');
  const token = useAccessToken();
  const strings = useStaffCatalog();
  const queryClient = useQueryClient();
  const [compare, setCompare] = useState<string[]>([]);
  const [deciding, setDeciding] = useState<ApplicationView | null>(null);
  const call = useQuery({ ...callQuery({ path: { id } }), enabled: Boolean(token) });
  const ranking = useQuery({
    queryKey: ['ranking', id],
    queryFn: async () => (await getCallRanking({ path: { id }, throwOnError: true })).data,
    enabled: Boolean(token),
  });
  const apps = useQuery({
    queryKey: ['ranking-applications', id],
    queryFn: async () =>
      (await listApplications({ query: { callId: id, limit: 500 }, throwOnError: true })).data.items,
    enabled: Boolean(token),
  });
  const assignments = useQuery({
    queryKey: ['call-assignments', id],
    queryFn: async () => (await listCallAssignments({ path: { id }, throwOnError: true })).data.items,
    enabled: Boolean(token),
  });
  if (!token) return <Navigate to="/sign-in" replace />;
  if (!strings) return <Loading />;
  const error = call.error ?? ranking.error ?? apps.error;
  if (error) return <ProblemAlert error={error} />;
  if (!call.data || !ranking.data || !apps.data) return <Loading />;
  const byId = new Map(apps.data.map((a) => [a.id, a]));
  const r = ranking.data;
  const toggle = (appId: string) =>
    setCompare((c) => (c.includes(appId) ? c.filter((x) => x !== appId) : c.length < 3 ? [...c, appId] : c));
  return (
    <Stack gap="md">
      <Title order={1}>{t('ranking.heading', { title: call.data.title })}</Title>
      <Anchor component={Link} to={`/manage/calls/${id}/applications`}>
        {t('ranking.toApplications')}
      </Anchor>
      <Text>{t('ranking.explain', { threshold: r.threshold })}</Text>
      <div className="table-scroll">
        <Table striped withTableBorder aria-label={t('ranking.tableCaption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('ranking.rank')}</Table.Th>
              <Table.Th scope="col">{t('ranking.project')}</Table.Th>
              <Table.Th scope="col">{t('ranking.score')}</Table.Th>
              <Table.Th scope="col">{t('ranking.reviews')}</Table.Th>
              <Table.Th scope="col">{t('ranking.spread')}</Table.Th>
              <Table.Th scope="col">{t('ranking.requested')}</Table.Th>
              <Table.Th scope="col">{t('ranking.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.items.map((item, i) => {
              const a = byId.get(item.applicationId);
              return (
                <Table.Tr key={item.applicationId} data-testid="ranking-row">
                  <Table.Td>{formatNumber(i + 1, locale)}</Table.Td>
                  <Table.Td>
                    <bdi>{a?.title ?? item.applicationId}</bdi>
                    {a && a.status !== 'eligible' && (
                      <Badge ms="xs" variant="outline" color="un.8">
                        {t(`screening.statuses.${a.status}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="ranking-score">
                    {item.score === null ? t('ranking.noScore') : formatNumber(item.score, locale)}
                  </Table.Td>
                  <Table.Td>{formatNumber(item.reviewerCount, locale)}</Table.Td>
                  <Table.Td>
                    {item.spread === null ? '-' : formatNumber(item.spread, locale)}
                    {item.flagged && (
                      <Badge ms="xs" color="red.9" variant="outline">
                        {t('ranking.flagged')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{a && <MoneyText amount={a.requested} currency={a.currency} />}</Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <Checkbox
                        label={t('ranking.compareThis', { title: a?.title ?? '' })}
                        checked={compare.includes(item.applicationId)}
                        disabled={!compare.includes(item.applicationId) && compare.length >= 3}
                        onChange={() => toggle(item.applicationId)}
                      />
                      {a?.status === 'eligible' && (
                        <Button size="xs" onClick={() => setDeciding(a)}>
                          {t('ranking.decide', { title: a.title })}
                        </Button>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
      {r.items.some((i) => i.flagged) && (
        <Alert color="red" variant="light" title={t('ranking.flaggedTitle')}>
          {t('ranking.flaggedExplain', { threshold: r.threshold })}
        </Alert>
      )}
      {compare.length >= 2 ? (
        <Compare
          apps={compare.map((x) => byId.get(x)).filter((a): a is ApplicationView => Boolean(a))}
          ranking={r.items}
          rubric={call.data.rubric}
          assignments={assignments.data ?? []}
        />
      ) : (
        <Text size="sm">{t('ranking.compareHint')}</Text>
      )}
      {deciding && (
        <Suspense fallback={<Loading />}>
          <DecisionDialog
            app={deciding}
            call={call.data}
            onClose={(decided) => {
              setDeciding(null);
              if (decided) {
                void queryClient.invalidateQueries({ queryKey: ['ranking', id] });
                void queryClient.invalidateQueries({ queryKey: ['ranking-applications', id] });
              }
            }}
          />
        </Suspense>
      )}
    </Stack>
  );
}
