import { Alert, Button, Checkbox, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FundScope } from './FundScope';
import { fieldProblems } from '../../lib/problems';
import { useLocale } from '../../lib/use-locale';
import { createInvitationMutation, invitationsQueryKey, ROLE_NAMES, type RoleName } from './admin-queries';

const FIELDS = ['email', 'roles', 'fundIds'] as const;

/** Invites a person by e-mail with roles and (for staff) a fund scope; the invitation mail is in the page's language. */
export function InviteForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<RoleName[]>([]);
  const [fundIds, setFundIds] = useState<string[]>([]);
  const [sent, setSent] = useState<string | null>(null);
  const invite = useMutation({
    ...createInvitationMutation(),
    onSuccess: (invitation) => {
      setSent(invitation.email);
      setEmail('');
      setRoles([]);
      setFundIds([]);
      void client.invalidateQueries({ queryKey: invitationsQueryKey() });
    },
  });
  const problems = fieldProblems(invite.error, FIELDS);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    const lang = locale.slice(0, 2) as 'en';
    invite.mutate({
      body: { email: email.trim(), roles, ...(fundIds.length ? { fundIds } : {}), locale: lang },
    });
  };
  return (
    <section aria-labelledby="invite-title">
      <Paper withBorder p="md">
        <Title order={2} id="invite-title" size="h3">
          {t('admin.users.invite')}
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" mt="sm">
            <TextInput
              id="invite-email"
              type="email"
              required
              autoComplete="off"
              label={t('admin.users.email')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={problems.email?.length ? t('admin.users.emailInvalid') : undefined}
            />
            <Checkbox.Group
              id="invite-roles"
              label={t('admin.users.roles')}
              required
              value={roles}
              onChange={(v) => setRoles(v as RoleName[])}
              error={problems.roles?.length ? t('admin.users.rolesInvalid') : undefined}
            >
              <Group gap="md" mt={4} wrap="wrap">
                {ROLE_NAMES.map((r) => (
                  <Checkbox key={r} value={r} label={t(`roles.${r}`)} data-role={r} />
                ))}
              </Group>
            </Checkbox.Group>
            <FundScope id="invite-funds" value={fundIds} onChange={setFundIds} />
            {invite.error && !problems.email && !problems.roles && (
              <ProblemAlert error={invite.error} fields={FIELDS} />
            )}
            {sent && (
              <Alert color="green.9" variant="light" role="status" data-testid="invite-sent">
                {t('admin.users.inviteSent', { email: sent })}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={invite.isPending}>
                {t('admin.users.sendInvite')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </section>
  );
}
