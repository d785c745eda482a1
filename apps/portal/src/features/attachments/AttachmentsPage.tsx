import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { applicationQuery } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { Attachments } from './Attachments';

/** The files of one application on a page of their own (the application form embeds the same component). */
export function AttachmentsPage() {
  const { id = '' } = useParams();
  useTitle('attachments.title');
  const token = useAccessToken();
  const application = useQuery({ ...applicationQuery({ path: { id } }), enabled: Boolean(token && id) });
  if (!token) return <Navigate to="/sign-in" replace />;
  return (
    <Stack gap="md">
      {application.isPending && <Loading />}
      {application.error && <ProblemAlert error={application.error} />}
      {application.data && (
        <>
          <Title order={1}>
            <bdi>{application.data.title}</bdi>
          </Title>
          <Attachments applicationId={id} readOnly={application.data.status !== 'draft'} headingOrder={2} />
        </>
      )}
    </Stack>
  );
}
