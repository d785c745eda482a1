import { Button, Group, List, NativeSelect, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { assignReviewer } from '../../api/sdk.gen';
import type { ApplicationView, AssignmentView, ReviewerLoadView } from '../../api/types.gen';

/** The reviewers of an eligible application, and one more chosen with each reviewer's load in view. */
export function AssignReviewer({
  app,
  reviewers,
  assignments,
  onDone,
}: {
  app: ApplicationView;
  reviewers: ReviewerLoadView[];
  assignments: AssignmentView[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reviewerId, setReviewerId] = useState('');
  const assign = useMutation({
    mutationFn: async () =>
      (await assignReviewer({ path: { id: app.id }, body: { reviewerId }, throwOnError: true })).data,
    onSuccess: () => {
      setReviewerId('');
      onDone();
    },
  });
  const taken = new Set(assignments.map((a) => a.reviewerId));
  const name = (id: string) => reviewers.find((r) => r.id === id)?.name ?? id;
  return (
    <Stack gap={4}>
      {assignments.length > 0 && (
        <List size="sm" aria-label={t('screening.assigned', { title: app.title })}>
          {assignments.map((a) => (
            <List.Item key={a.id}>
              <bdi>{name(a.reviewerId)}</bdi>: {t(`screening.assignment.${a.status}`)}
              {a.conflictReason && (
                <>
                  {' '}
                  (<bdi>{a.conflictReason}</bdi>)
                </>
              )}
            </List.Item>
          ))}
        </List>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reviewerId) assign.mutate();
        }}
      >
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            size="xs"
            label={t('screening.reviewerFor', { title: app.title })}
            value={reviewerId}
            onChange={(e) => setReviewerId(e.currentTarget.value)}
            data={[
              { value: '', label: t('screening.chooseReviewer') },
              ...reviewers
                .filter((r) => !taken.has(r.id))
                .map((r) => ({
                  value: r.id,
                  label: t('screening.reviewerLoad', {
                    name: r.name,
                    open: r.open,
                    conflicts: r.conflicts,
                  }),
                })),
            ]}
          />
          <Button type="submit" size="xs" disabled={!reviewerId} loading={assign.isPending}>
            {t('screening.assign')}
          </Button>
        </Group>
      </form>
      {assign.error && <ProblemAlert error={assign.error} />}
    </Stack>
  );
}
