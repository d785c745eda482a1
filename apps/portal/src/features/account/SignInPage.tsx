import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { setAccessToken } from '../../lib/auth';
import { adoptRegistrationLocale } from '../../lib/profile-locale';
import { fieldProblems } from '../../lib/problems';
import { completeMfaSignInMutation, loginMutation } from '../../lib/queries';
import { useTitle } from '../../lib/use-title';

const FIELDS = ['email', 'password', 'code'] as const;

/** A sign-in answer: a session, or a step token to trade with a two-factor code. */
type Answer = { status?: string; accessToken?: string; stepToken?: string; mfaEnrolmentRequired?: boolean };

export function SignInPage() {
  const { t } = useTranslation();
  const title = useTitle('signIn.title');
  const navigate = useNavigate();
  // Sent here from a page that needs a session (an expired one: the application form keeps the text).
  const back = (useLocation().state as { back?: unknown } | null)?.back;
  const next =
    typeof back === 'string' && back.startsWith('/') && !back.startsWith('//') ? back : '/dashboard';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [stepToken, setStepToken] = useState<string | null>(null);
  const askCode = stepToken !== null;
  const firstError = useRef<HTMLInputElement>(null);
  const signedIn = (answer: Answer) => {
    if (answer.status === 'mfa_required' && answer.stepToken) {
      setStepToken(answer.stepToken);
      return;
    }
    if (answer.accessToken) {
      const token = answer.accessToken;
      void adoptRegistrationLocale(email, token).then(() => {
        setAccessToken(token);
        // A role that needs two-factor sign-in but has not enrolled may only enrol: straight to that page.
        void navigate(answer.mfaEnrolmentRequired ? '/mfa' : next);
      });
    }
  };
  const focusFirstError = () => requestAnimationFrame(() => firstError.current?.focus());
  const login = useMutation({ ...loginMutation(), onSuccess: signedIn, onError: focusFirstError });
  const second = useMutation({
    ...completeMfaSignInMutation(),
    onSuccess: signedIn,
    onError: focusFirstError,
  });
  const failed = askCode ? second.error : login.error;
  const errors = failed ? fieldProblems(failed, FIELDS) : {};
  const fieldError = (name: (typeof FIELDS)[number]) => (errors[name] ? t('problems.field') : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (stepToken) second.mutate({ body: { stepToken, code: code.replace(/\s/g, '') } });
    else login.mutate({ body: { email, password } });
  }

  return (
    <Stack maw={420} gap="md">
      <Title order={1}>{title}</Title>
      <Text>{t('signIn.intro')}</Text>
      {failed && <ProblemAlert error={failed} fields={FIELDS} />}
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
          <Button type="submit" loading={login.isPending || second.isPending}>
            {askCode ? t('signIn.mfaSubmit') : t('signIn.submit')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
