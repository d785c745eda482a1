import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { confirmEmailMutation } from '../../lib/queries';
import { useTitle } from '../../lib/use-title';

/** The mailed link (`/confirm-email#token=...`: the token travels in the fragment, never in a log). */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const title = useTitle('register.confirmTitle');
  const confirm = useMutation(confirmEmailMutation());
  const sent = useRef(false);
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    confirm.mutate({ body: { token } });
  }, [token, confirm]);
  return (
    <Stack maw={560} gap="md">
      <Title order={1}>{title}</Title>
      {!token && <Text>{t('register.noToken')}</Text>}
      {confirm.isPending && <Loading />}
      {confirm.error != null && <ProblemAlert error={confirm.error} messageKey="register.confirmFailed" />}
      {confirm.isSuccess && (
        <Alert color="un" variant="light" role="status" title={t('register.confirmedTitle')}>
          <Text>{t('register.confirmed')}</Text>
          <Anchor component={Link} to="/sign-in">
            {t('app.signIn')}
          </Anchor>
        </Alert>
      )}
    </Stack>
  );
}
