import './admin.css';
import { Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { AdminOnly } from './AdminOnly';
import { invitationsQuery, usersPagesQuery, type UserView } from './admin-queries';
import { InviteForm } from './InviteForm';
import { UserEditor } from './UserEditor';
import { LoadMore } from '../../components/LoadMore';

/** Users: invite, and for each account its roles, fund scope, active or not, and a two-factor reset. */
export function UsersPage() {
  const title = useTitle('admin.users.title');
  return (
    <AdminOnly title={title}>
      <InviteForm />
      <Invitations />
      <Users />
    </AdminOnly>
  );
}

function Invitations() {
  const { t } = useTranslation();
  const locale = useLocale();
  const invitations = useQuery(invitationsQuery({ query: { limit: 20 } }));
  if (invitations.error) return <ProblemAlert error={invitations.error} />;
  const items = invitations.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="invitations-title">
      <Title order={2} id="invitations-title" size="h3">
        {t('admin.users.invitations')}
      </Title>
      <div className="table-scroll">
        <Table striped withTableBorder data-testid="invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.users.email')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.roles')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.status')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.invitedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Th scope="row" fw={400}>
                  <bdi>{i.email}</bdi>
                </Table.Th>
                <Table.Td>{i.roles.map((r) => t(`roles.${r}`)).join(', ')}</Table.Td>
                <Table.Td>{t(`admin.users.invitationStatus.${i.status}`)}</Table.Td>
                <Table.Td>{formatDate(i.createdAt, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}

function Users() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const pages = useInfiniteQuery({
    ...usersPagesQuery({ query: { limit: 50 } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (pages.error) return <ProblemAlert error={pages.error} onRetry={() => void pages.refetch()} />;
  if (!pages.data) return <Loading />;
  const users = pages.data.pages.flatMap((p) => p.items);
  return (
    <section aria-labelledby="users-title">
      <Title order={2} id="users-title" size="h3">
        {t('admin.users.accounts')}
      </Title>
      <div className="table-scroll">
        <Table striped withTableBorder data-testid="users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.users.name')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.roles')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.status')}</Table.Th>
              <Table.Th scope="col">{t('admin.users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((u) => (
              <UserRow
                key={u.id}
                user={u}
                editing={editing === u.id}
                onEdit={(on) => setEditing(on ? u.id : null)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <LoadMore pages={pages} label={t('admin.more')} />
    </section>
  );
}

function UserRow({
  user: u,
  editing,
  onEdit,
}: {
  user: UserView;
  editing: boolean;
  onEdit: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Tr data-user={u.email}>
        <Table.Th scope="row" fw={400}>
          <Text size="sm" fw={600}>
            {u.name}
          </Text>
          <Text size="sm">
            <bdi>{u.email}</bdi>
          </Text>
        </Table.Th>
        <Table.Td>
          <Group gap={4} wrap="wrap">
            {u.roles.map((r) => (
              <Badge key={r} variant="outline" color="un.8">
                {t(`roles.${r}`)}
              </Badge>
            ))}
          </Group>
          {u.fundIds.length > 0 && (
            <Text size="xs">{t('admin.users.fundCount', { count: u.fundIds.length })}</Text>
          )}
        </Table.Td>
        <Table.Td>{u.active ? t('admin.users.active') : t('admin.users.inactive')}</Table.Td>
        <Table.Td>
          <Button
            size="xs"
            variant="light"
            aria-expanded={editing}
            aria-label={t('admin.users.manage', { name: u.name })}
            onClick={() => onEdit(!editing)}
          >
            {editing ? t('admin.users.close') : t('admin.users.edit')}
          </Button>
        </Table.Td>
      </Table.Tr>
      {editing && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <UserEditor user={u} onDone={() => onEdit(false)} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
