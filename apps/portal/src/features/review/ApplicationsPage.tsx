import './mantine-staff.css';
import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { MoneyText } from '../../components/MoneyText';
import { ProblemAlert } from '../../components/ProblemAlert';
import { listApplications, listCallAssignments, listCallReviewers } from '../../api/sdk.gen';
import type { ApplicationView, AssignmentView, ReviewerLoadView } from '../../api/types.gen';
import { countryName } from '../../lib/format';
import { callQuery } from '../../lib/queries';
import { useStaffCatalog } from '../../lib/i18n/staff';
import { useAccessToken } from '../../lib/session';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { SERVICES } from '../ngo/application-form';
import { AssignReviewer } from './AssignReviewer';
import { BulkScreening, ScreenOne } from './Screening';
import { type Filters, filterQuery } from './filters';

export const STATUSES = ['submitted', 'eligible', 'ineligible', 'approved', 'rejected', 'withdrawn'] as const;
const SORTS = ['-createdAt', 'createdAt', 'title', '-title', 'requested', '-requested'] as const;
const PAGE = 20;

/**
 * A call's applications for its fund manager: filters and order applied by the server across all pages,
 * screening one by one or the whole filtered set, and reviewers assigned with their load in view.
 */
export function ApplicationsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  useTitle('screening.title');
  const token = useAccessToken();
  const strings = useStaffCatalog();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Filters>({ status: '', country: '', service: '', q: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [sort, setSort] = useState<(typeof SORTS)[number]>('-createdAt');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const call = useQuery({ ...callQuery({ path: { id } }), enabled: Boolean(token) });
  const list = useQuery({
    queryKey: ['manager-applications', id, filters, sort, cursor],
    queryFn: async () =>
      (
        await listApplications({
          query: { callId: id, ...filterQuery(filters), sort, limit: PAGE, ...(cursor ? { cursor } : {}) },
          throwOnError: true,
        })
      ).data,
    enabled: Boolean(token),
    placeholderData: keepPreviousData,
  });
  const reviewers = useQuery({
    queryKey: ['call-reviewers', id],
    queryFn: async () => (await listCallReviewers({ path: { id }, throwOnError: true })).data.items,
    enabled: Boolean(token),
  });
  const assignments = useQuery({
    queryKey: ['call-assignments', id],
    queryFn: async () => (await listCallAssignments({ path: { id }, throwOnError: true })).data.items,
    enabled: Boolean(token),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['manager-applications', id] });
    void queryClient.invalidateQueries({ queryKey: ['call-reviewers', id] });
    void queryClient.invalidateQueries({ queryKey: ['call-assignments', id] });
  };
  if (!token) return <Navigate to="/sign-in" replace />;
  if (!strings) return <Loading />;
  if (call.error) return <ProblemAlert error={call.error} />;
  if (!call.data) return <Loading />;
  const c = call.data;
  const apply = (next: Filters) => {
    setFilters(next);
    setCursors([undefined]);
  };
  return (
    <Stack gap="md">
      <Title order={1}>{t('screening.heading', { title: c.title })}</Title>
      <Group gap="sm">
        <Anchor component={Link} to={`/manage/calls/${id}/ranking`}>
          {t('screening.toRanking')}
        </Anchor>
      </Group>
      <form
        aria-label={t('screening.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('screening.status')}
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value })}
            data={[
              { value: '', label: t('screening.any') },
              ...STATUSES.map((s) => ({ value: s, label: t(`screening.statuses.${s}`) })),
            ]}
          />
          <NativeSelect
            label={t('screening.country')}
            value={draft.country}
            onChange={(e) => setDraft({ ...draft, country: e.currentTarget.value })}
            data={[
              { value: '', label: t('screening.any') },
              ...c.eligibleCountries.map((k) => ({ value: k, label: countryName(k, locale) })),
            ]}
          />
          <NativeSelect
            label={t('screening.service')}
            value={draft.service}
            onChange={(e) => setDraft({ ...draft, service: e.currentTarget.value })}
            data={[
              { value: '', label: t('screening.any') },
              ...SERVICES.map((s) => ({ value: s, label: t(`services.${s}`) })),
            ]}
          />
          <TextInput
            label={t('screening.search')}
            value={draft.q}
            maxLength={200}
            onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
          />
          <Button type="submit">{t('screening.apply')}</Button>
          <NativeSelect
            label={t('screening.sort')}
            value={sort}
            onChange={(e) => {
              setSort(e.currentTarget.value as (typeof SORTS)[number]);
              setCursors([undefined]);
            }}
            data={SORTS.map((s) => ({ value: s, label: t(`screening.sorts.${s}`) }))}
          />
        </Group>
      </form>
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <Text role="status">
            {t('screening.count', { count: list.data.total ?? list.data.items.length })}
          </Text>
          <BulkScreening
            callId={id}
            filters={filters}
            total={list.data.total ?? list.data.items.length}
            onDone={refresh}
          />
          <div className="table-scroll">
            <Table striped withTableBorder aria-label={t('screening.tableCaption')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('screening.project')}</Table.Th>
                  <Table.Th scope="col">{t('screening.organization')}</Table.Th>
                  <Table.Th scope="col">{t('screening.countries')}</Table.Th>
                  <Table.Th scope="col">{t('screening.requested')}</Table.Th>
                  <Table.Th scope="col">{t('screening.status')}</Table.Th>
                  <Table.Th scope="col">{t('screening.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((a) => (
                  <Row
                    key={a.id}
                    app={a}
                    reviewers={reviewers.data ?? []}
                    assignments={(assignments.data ?? []).filter((x) => x.applicationId === a.id)}
                    onChange={refresh}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <Group gap="sm">
            <Button
              variant="outline"
              disabled={cursors.length < 2}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              {t('screening.previous')}
            </Button>
            <Button
              variant="outline"
              disabled={!list.data.nextCursor}
              onClick={() => setCursors([...cursors, list.data.nextCursor ?? undefined])}
            >
              {t('screening.next')}
            </Button>
          </Group>
        </>
      )}
      {!list.data && !list.error && <Loading />}
    </Stack>
  );
}

function Row({
  app: a,
  reviewers,
  assignments,
  onChange,
}: {
  app: ApplicationView;
  reviewers: ReviewerLoadView[];
  assignments: AssignmentView[];
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.Tr>
      <Table.Td>
        <bdi>{a.title}</bdi>
      </Table.Td>
      <Table.Td>
        <bdi>{a.organizationName ?? ''}</bdi>
      </Table.Td>
      <Table.Td>{a.countries.map((k) => countryName(k, locale)).join(', ')}</Table.Td>
      <Table.Td>
        <MoneyText amount={a.requested} currency={a.currency} />
      </Table.Td>
      <Table.Td>
        <Badge variant="outline" color="un.8">
          {t(`screening.statuses.${a.status}`)}
        </Badge>
        {a.eligibilityReason && (
          <Text size="sm">
            <bdi>{a.eligibilityReason}</bdi>
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {a.status === 'submitted' && <ScreenOne app={a} onDone={onChange} />}
        {a.status === 'eligible' && (
          <AssignReviewer app={a} reviewers={reviewers} assignments={assignments} onDone={onChange} />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
