import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { setAccessToken } from '../../lib/auth';
import { fieldProblems } from '../../lib/problems';
import { loginMutation } from '../../lib/queries';
import { useTitle } from '../../lib/use-title';

const FIELDS = ['email', 'password', 'code'] as const;

/** A login answer that asks for the second factor instead of giving a token (the accounts work adds it). */
function needsSecondFactor(answer: unknown): boolean {
  if (typeof answer !== 'object' || answer === null) return false;
  const a = answer as { mfaRequired?: unknown; status?: unknown; type?: unknown };
  return a.mfaRequired === true || a.status === 'mfa_required' || a.type === '/problems/mfa-required';
}

export function SignInPage() {
  const { t } = useTranslation();
  const title = useTitle('signIn.title');
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [askCode, setAskCode] = useState(false);
  const firstError = useRef<HTMLInputElement>(null);
  const login = useMutation({
    ...loginMutation(),
    onSuccess: (answer) => {
      if (needsSecondFactor(answer) || !answer?.accessToken) {
        setAskCode(true);
        return;
      }
      setAccessToken(answer.accessToken);
      void navigate('/dashboard');
    },
    onError: (error) => {
      if (needsSecondFactor(error)) setAskCode(true);
      else requestAnimationFrame(() => firstError.current?.focus());
    },
  });
  const errors = login.error && !needsSecondFactor(login.error) ? fieldProblems(login.error, FIELDS) : {};
  const fieldError = (name: (typeof FIELDS)[number]) => (errors[name] ? t('problems.field') : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    // The second factor goes with the same login once the API asks for it.
    const body = askCode ? { email, password, code } : { email, password };
    login.mutate({ body });
  }

  return (
    <Stack maw={420} gap="md">
      <Title order={1}>{title}</Title>
      <Text>{t('signIn.intro')}</Text>
      {login.error && !needsSecondFactor(login.error) && <ProblemAlert error={login.error} fields={FIELDS} />}
      <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            ref={errors.email ? firstError : undefined}
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            error={fieldError('email')}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            ref={!errors.email ? firstError : undefined}
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            value={password}
            error={fieldError('password')}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {askCode && (
            <TextInput
              label={t('signIn.mfaTitle')}
              description={t('signIn.mfaHelp')}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              value={code}
              error={fieldError('code')}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
          )}
          <Button type="submit" loading={login.isPending}>
            {askCode ? t('signIn.mfaSubmit') : t('signIn.submit')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
