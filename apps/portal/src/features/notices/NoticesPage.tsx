import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import {
  markAllMyNotificationsReadMutation,
  markMyNotificationReadMutation,
} from '../../api/@tanstack/react-query.gen';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { notificationsQuery } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';

/** The signed-in user's notices, newest first: unread ones marked, read one by one or all at once. */
export function NoticesPage() {
  const { t } = useTranslation();
  const title = useTitle('notices.title');
  const locale = useLocale();
  const token = useAccessToken();
  const queryClient = useQueryClient();
  const notices = useQuery({ ...notificationsQuery(), enabled: Boolean(token) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: [{ _id: 'listMyNotifications' }] });
  const markOne = useMutation({ ...markMyNotificationReadMutation(), onSuccess: refresh });
  const markAll = useMutation({ ...markAllMyNotificationsReadMutation(), onSuccess: refresh });
  if (!token) return <Navigate to="/sign-in" replace />;
  const unread = notices.data?.filter((n) => !n.readAt).length ?? 0;
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      {notices.isPending && <Loading />}
      {(notices.error ?? markOne.error ?? markAll.error) && (
        <ProblemAlert error={notices.error ?? markOne.error ?? markAll.error} />
      )}
      {notices.data && (
        <>
          <Group justify="space-between">
            <Text role="status" data-testid="unread-count">
              {t('notices.unread', { count: unread })}
            </Text>
            {unread > 0 && (
              <Button variant="outline" loading={markAll.isPending} onClick={() => markAll.mutate({})}>
                {t('notices.markAll')}
              </Button>
            )}
          </Group>
          {notices.data.length === 0 && <Text>{t('notices.none')}</Text>}
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {notices.data.map((n) => (
              <Paper
                key={n.id}
                withBorder
                p="sm"
                component="li"
                data-testid="notice"
                data-read={Boolean(n.readAt)}
              >
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Text fw={n.readAt ? 400 : 700}>
                      {!n.readAt && (
                        <Badge color="red.9" variant="light" me="xs">
                          {t('notices.new')}
                        </Badge>
                      )}
                      {n.subject}
                    </Text>
                    <Text size="sm">{n.body}</Text>
                    <Text size="xs" c="dimmed">
                      <bdi>{formatDateTime(n.createdAt, locale)}</bdi>
                    </Text>
                  </div>
                  {!n.readAt && (
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={t('notices.markReadNamed', { subject: n.subject })}
                      onClick={() => markOne.mutate({ path: { id: n.id } })}
                    >
                      {t('notices.markRead')}
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
