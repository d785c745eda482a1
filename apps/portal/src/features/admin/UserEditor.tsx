import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FundScope } from './FundScope';
import {
  resetUserMfaMutation,
  ROLE_NAMES,
  type RoleName,
  updateUserMutation,
  usersPagesQueryKey,
  type UserView,
} from './admin-queries';

/** One account's roles and fund scope (saved together), deactivate or re-activate, and a two-factor reset. */
export function UserEditor({ user, onDone }: { user: UserView; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [roles, setRoles] = useState<RoleName[]>(user.roles);
  const [fundIds, setFundIds] = useState<string[]>(user.fundIds);
  const [confirmReset, setConfirmReset] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: usersPagesQueryKey({ query: { limit: 50 } }) });
  const update = useMutation({ ...updateUserMutation(), onSuccess: () => void refresh() });
  const reset = useMutation({
    ...resetUserMfaMutation(),
    onSuccess: () => {
      setConfirmReset(false);
      setNotice(t('admin.users.mfaReset', { name: user.name }));
    },
  });
  const id = `user-${user.id}`;
  return (
    <Stack gap="sm" p="xs" data-testid="user-editor">
      <Checkbox.Group
        id={`${id}-roles`}
        label={t('admin.users.roles')}
        value={roles}
        onChange={(v) => setRoles(v as RoleName[])}
      >
        <Group gap="md" mt={4} wrap="wrap">
          {ROLE_NAMES.map((r) => (
            <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <FundScope id={`${id}-funds`} value={fundIds} onChange={setFundIds} />
      {update.error && <ProblemAlert error={update.error} />}
      {reset.error && <ProblemAlert error={reset.error} />}
      {notice && (
        <Alert color="green.9" variant="light" role="status">
          {notice}
        </Alert>
      )}
      <Group gap="xs" wrap="wrap">
        <Button
          size="xs"
          loading={update.isPending}
          onClick={() =>
            update.mutate(
              { path: { id: user.id }, body: { roles, fundIds } },
              { onSuccess: () => setNotice(t('admin.users.saved', { name: user.name })) },
            )
          }
        >
          {t('admin.users.save')}
        </Button>
        <Button
          size="xs"
          variant="outline"
          color={user.active ? 'red.9' : 'un.8'}
          loading={update.isPending}
          onClick={() =>
            update.mutate(
              { path: { id: user.id }, body: { active: !user.active } },
              {
                onSuccess: () =>
                  setNotice(
                    t(user.active ? 'admin.users.deactivated' : 'admin.users.reactivated', {
                      name: user.name,
                    }),
                  ),
              },
            )
          }
        >
          {user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
        </Button>
        {confirmReset ? (
          <>
            <Text size="sm">{t('admin.users.resetConfirm', { name: user.name })}</Text>
            <Button
              size="xs"
              color="red.9"
              loading={reset.isPending}
              onClick={() => reset.mutate({ path: { id: user.id } })}
            >
              {t('admin.users.resetYes')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setConfirmReset(false)}>
              {t('admin.users.cancel')}
            </Button>
          </>
        ) : (
          <Button size="xs" variant="outline" onClick={() => setConfirmReset(true)}>
            {t('admin.users.resetMfa')}
          </Button>
        )}
        <Button size="xs" variant="subtle" onClick={onDone}>
          {t('admin.users.close')}
        </Button>
      </Group>
    </Stack>
  );
}
