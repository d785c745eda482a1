import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useTitle } from '../../lib/use-title';
import { AdminOnly } from './AdminOnly';
import { createBoardCodeMutation } from './admin-queries';

/**
 * The link to the queue board (bull-board at /api/admin/queues): the board takes no bearer token, so the
 * page asks for a one-time code (valid 60 s) and opens the board with it, which sets the board's cookie.
 */
export function QueuesPage() {
  const { t } = useTranslation();
  const title = useTitle('admin.queues.title');
  const code = useMutation({
    ...createBoardCodeMutation(),
    onSuccess: (board) => {
      window.location.assign(board.url);
    },
  });
  return (
    <AdminOnly title={title}>
      <Stack gap="sm" align="flex-start">
        <Text>{t('admin.queues.intro')}</Text>
        <Button onClick={() => code.mutate({})} loading={code.isPending} data-testid="open-board">
          {t('admin.queues.open')}
        </Button>
        {code.error && <ProblemAlert error={code.error} />}
        {code.data && <Anchor href={code.data.url}>{t('admin.queues.manual')}</Anchor>}
      </Stack>
    </AdminOnly>
  );
}
