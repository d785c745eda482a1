import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { createCallMutation } from '../../api/@tanstack/react-query.gen';
import type { CallView } from '../../api/types.gen';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { callsQuery } from '../../lib/queries';
import { formatDateTime } from '../../lib/format';
import { useAccessToken } from '../../lib/session';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { useFundChoice } from '../fund/staff';
import { StatusListHeader } from '../fund/StatusListHeader';
import { copyOf } from './call-form';

const STATUSES = ['draft', 'published', 'open', 'closed', 'under_review', 'decided'] as const;
type Status = (typeof STATUSES)[number];

/** The fund's calls in every status, for staff: open one, start a new draft, or copy a past call. */
export function CallsAdminPage() {
  const { t } = useTranslation();
  const title = useTitle('callsAdmin.title');
  const locale = useLocale();
  const token = useAccessToken();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { fundId, setFund } = useFundChoice();
  const [status, setStatus] = useState<Status | ''>('');
  const calls = useQuery({
    ...callsQuery({ query: { fundId: fundId ?? undefined, limit: 500, ...(status && { status }) } }),
    enabled: Boolean(token && fundId),
  });
  const copy = useMutation({
    ...createCallMutation(),
    onSuccess: (data) => {
      void queryClient.invalidateQueries({ queryKey: [{ _id: 'listCalls' }] });
      void navigate(`/manage/calls/${data.id}`);
    },
  });
  if (!token) return <Navigate to="/sign-in" replace />;
  const copyCall = (call: CallView) =>
    copy.mutate({ body: copyOf(call, t('callsAdmin.copyTitle', { title: call.title })) });
  return (
    <Stack gap="md">
      <StatusListHeader
        title={title}
        fundId={fundId}
        onFund={setFund}
        ns="callsAdmin"
        statuses={STATUSES}
        status={status}
        onStatus={setStatus}
        actions={
          fundId && (
            <Button component={Link} to={`/manage/calls/new?fund=${fundId}`}>
              {t('callsAdmin.new')}
            </Button>
          )
        }
      />
      {copy.error && <ProblemAlert error={copy.error} />}
      {calls.error && <ProblemAlert error={calls.error} />}
      {calls.isPending && fundId && <Loading />}
      {calls.data && calls.data.items.length === 0 && <Text>{t('callsAdmin.none')}</Text>}
      {calls.data && calls.data.items.length > 0 && (
        <div className="table-scroll">
          <Table striped withTableBorder captionSide="top" data-testid="calls-table">
            <caption>{t('callsAdmin.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('callsAdmin.fields.title')}</Table.Th>
                <Table.Th scope="col">{t('callsAdmin.statusHeader')}</Table.Th>
                <Table.Th scope="col">{t('callsAdmin.fields.deadline')}</Table.Th>
                <Table.Th scope="col">{t('callsAdmin.actionsHeader')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calls.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/manage/calls/${c.id}`}>
                      {c.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <Badge variant="outline" color="un.8">
                      {t(`callsAdmin.status.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{c.deadline ? <bdi>{formatDateTime(c.deadline, locale)}</bdi> : ''}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="wrap">
                      {c.status !== 'draft' && (
                        <>
                          <Button
                            size="xs"
                            variant="subtle"
                            component={Link}
                            to={`/manage/calls/${c.id}/applications`}
                            aria-label={t('callsAdmin.applicationsNamed', { title: c.title })}
                          >
                            {t('callsAdmin.applications')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            component={Link}
                            to={`/manage/calls/${c.id}/ranking`}
                            aria-label={t('callsAdmin.rankingNamed', { title: c.title })}
                          >
                            {t('callsAdmin.ranking')}
                          </Button>
                        </>
                      )}
                      <Button
                        size="xs"
                        variant="outline"
                        onClick={() => copyCall(c)}
                        aria-label={t('callsAdmin.copyNamed', { title: c.title })}
                      >
                        {t('callsAdmin.copy')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
