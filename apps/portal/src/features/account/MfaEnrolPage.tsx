import './mfa.css';
import { Alert, Button, Code, Image, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldProblems } from '../../lib/problems';
import { confirmMfaMutation, enrolMfaMutation } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useTitle } from '../../lib/use-title';

/**
 * Two-factor enrolment, for a role that needs it (its session may do nothing else until then): the QR code
 * and the secret to type by hand, a first code to confirm, then the ten recovery codes, shown only once.
 */
export function MfaEnrolPage() {
  const { t } = useTranslation();
  const title = useTitle('mfa.title');
  const token = useAccessToken();
  const enrol = useMutation(enrolMfaMutation());
  const confirm = useMutation({
    ...confirmMfaMutation(),
    onSuccess: () => requestAnimationFrame(() => document.getElementById('mfa-codes')?.focus()),
    onError: () => requestAnimationFrame(() => document.getElementById('mfa-code')?.focus()),
  });
  const [code, setCode] = useState('');
  const started = useRef(false);
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    enrol.mutate({});
  }, [token, enrol]);
  if (!token) return <Navigate to="/sign-in" replace />;
  function submit(event: FormEvent) {
    event.preventDefault();
    confirm.mutate({ body: { code: code.replace(/\s/g, '') } });
  }
  const codeError =
    confirm.error && fieldProblems(confirm.error, ['code']).code ? t('mfa.badCode') : undefined;
  if (confirm.data)
    return (
      <Stack maw={560} gap="md">
        <Title order={1}>{title}</Title>
        <Alert id="mfa-codes" tabIndex={-1} color="un" variant="light" title={t('mfa.doneTitle')}>
          {t('mfa.recoveryHelp', { count: confirm.data.recoveryCodes.length })}
        </Alert>
        <List>
          {confirm.data.recoveryCodes.map((c) => (
            <List.Item key={c}>
              <Code dir="ltr">{c}</Code>
            </List.Item>
          ))}
        </List>
        <Button component={Link} to="/dashboard">
          {t('mfa.continue')}
        </Button>
      </Stack>
    );
  return (
    <Stack maw={560} gap="md">
      <Title order={1}>{title}</Title>
      <Text>{t('mfa.intro')}</Text>
      {enrol.error != null && <ProblemAlert error={enrol.error} />}
      {enrol.data && (
        <Paper withBorder p="md" component="form" noValidate onSubmit={submit}>
          <Stack gap="sm">
            <Image src={enrol.data.qrCode} alt={t('mfa.qrAlt')} w={200} h={200} />
            <Text size="sm">{t('mfa.secretHelp')}</Text>
            <Code dir="ltr" block>
              {enrol.data.secret}
            </Code>
            {confirm.error != null && !codeError && <ProblemAlert error={confirm.error} fields={['code']} />}
            <TextInput
              id="mfa-code"
              label={t('mfa.code')}
              description={t('mfa.codeHelp')}
              inputMode="numeric"
              autoComplete="one-time-code"
              dir="ltr"
              required
              value={code}
              error={codeError}
              onChange={(e) => setCode(e.currentTarget.value)}
              maw={240}
            />
            <Button type="submit" loading={confirm.isPending}>
              {t('mfa.confirm')}
            </Button>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
