import { Anchor, Badge, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { DateText } from '../../components/DateText';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countryName } from '../../lib/format';
import { meQuery, organizationQuery } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';

/** The organization's profile as the fund holds it, and whether the fund has verified it. */
export function OrganizationPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = useTitle('ngo.organization.title');
  const token = useAccessToken();
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  const orgId = me.data?.organizationId ?? '';
  const org = useQuery({ ...organizationQuery({ path: { id: orgId } }), enabled: Boolean(orgId) });
  if (!token) return <Navigate to="/sign-in" replace />;
  const error = me.error ?? org.error;
  const head = (
    <>
      <Anchor component={Link} to="/dashboard">
        {t('ngo.backToDashboard')}
      </Anchor>
      <Title order={1}>{title}</Title>
    </>
  );
  if (error || (me.data && !orgId) || !org.data)
    return (
      <Stack gap="md" maw={640}>
        {head}
        {error ? (
          <ProblemAlert error={error} />
        ) : me.data && !orgId ? (
          <Text>{t('ngo.organization.none')}</Text>
        ) : (
          <Loading />
        )}
      </Stack>
    );
  const o = org.data;
  return (
    <Stack gap="md" maw={640}>
      {head}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={700} size="lg">
            <bdi>{o.name}</bdi>
          </Text>
          <Text>
            {t('register.country')}: {countryName(o.country, locale)}
          </Text>
          <Text>
            {t('register.registrationNumber')}: <bdi>{o.registrationNumber}</bdi>
          </Text>
          <Text>
            {t('ngo.organization.registered')} <DateText value={o.createdAt} />
          </Text>
          <div>
            <Badge variant="outline" color={o.verified ? 'teal.9' : 'orange.9'} data-testid="org-verified">
              {o.verified ? t('ngo.organization.verified') : t('ngo.organization.notVerified')}
            </Badge>
          </div>
          {!o.verified && <Text size="sm">{t('ngo.organization.verifyHelp')}</Text>}
          <Text size="sm">{t('ngo.organization.dueDiligenceHelp')}</Text>
          <div>
            <Button component={Link} to="/organization/profile" data-testid="open-profile-wizard">
              {t('ngo.organization.dueDiligence')}
            </Button>
          </div>
        </Stack>
      </Paper>
    </Stack>
  );
}
