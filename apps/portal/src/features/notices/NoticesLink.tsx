import { Badge, Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationsQuery } from '../../lib/queries';

/** How often the header asks for new notices. */
const NOTICES_MS = 30_000;

/** The header's link to the notices, with the unread count in its name and as a badge. */
export function NoticesLink() {
  const { t } = useTranslation();
  const notices = useQuery({ ...notificationsQuery(), refetchInterval: NOTICES_MS });
  const unread = notices.data?.filter((n) => !n.readAt).length ?? 0;
  return (
    <Button
      component={Link}
      to="/notices"
      variant="subtle"
      aria-label={t('notices.linkNamed', { count: unread })}
      data-testid="notices-link"
      data-unread={unread}
      rightSection={
        unread > 0 ? (
          <Badge color="red.9" variant="filled" aria-hidden="true" data-testid="unread-badge">
            {unread}
          </Badge>
        ) : undefined
      }
    >
      {t('notices.link')}
    </Button>
  );
}
