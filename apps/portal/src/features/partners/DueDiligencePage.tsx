import './partners.css';
import { Anchor, Badge, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countryName, formatDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { FundPicker, useFundChoice, useRoles } from '../fund/staff';
import { BankChangeSection } from './BankChangeSection';
import { DocumentsTable } from './DocumentsTable';
import { HitsSection } from './HitsSection';
import { ObservationsSection } from './ObservationsSection';
import {
  type DueDiligenceView,
  dueDiligenceQuery,
  dueDiligenceQueryKey,
  fundSettingsQuery,
  missingKey,
  partnerProblemKey,
  verifyDueDiligenceMutation,
} from './partners-queries';
import { RiskSection } from './RiskSection';
import { StaffOnly } from './StaffOnly';

/** The fund manager's due-diligence page of one organization: the checklist and everything behind it. */
export function DueDiligencePage() {
  const title = useTitle('partners.dd.title');
  return (
    <StaffOnly title={title}>
      <DueDiligence />
    </StaffOnly>
  );
}

/** Refreshes the page's data after an action. */
export function useRefresh(organizationId: string) {
  const client = useQueryClient();
  return () =>
    void client.invalidateQueries({ queryKey: dueDiligenceQueryKey({ path: { organizationId } }) });
}

function DueDiligence() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const dd = useQuery(dueDiligenceQuery({ path: { organizationId: id } }));
  const { fundId, setFund } = useFundChoice();
  const roles = useRoles();
  const canAct = roles.includes('fund_manager') || roles.includes('admin');
  if (dd.error) return <ProblemAlert error={dd.error} onRetry={() => void dd.refetch()} />;
  if (!dd.data) return <Loading />;
  const v = dd.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/manage/partners">
        {t('partners.dd.back')}
      </Anchor>
      <Stack gap={4}>
        <Text fw={700} size="lg" data-testid="dd-organization">
          <bdi>{v.profile.legalName ?? v.organization.name}</bdi>
        </Text>
        <Text size="sm">
          {countryName(v.organization.country, locale)} · <bdi>{v.organization.registrationNumber}</bdi>
        </Text>
      </Stack>
      <FundPicker fundId={fundId} onChange={setFund} />
      <Checklist v={v} fundId={fundId} canAct={canAct} />
      <Section title={t('partners.dd.documents')}>
        <DocumentsTable organizationId={id} documents={v.profile.documents} />
      </Section>
      <Section title={t('partners.hits.title')}>
        <HitsSection organizationId={id} hits={v.hits} canAct={canAct} />
      </Section>
      {v.profile.pendingBank && (
        <Section title={t('partners.bankChange.title')}>
          <BankChangeSection organizationId={id} profile={v.profile} canAct={canAct} />
        </Section>
      )}
      <Section title={t('partners.risk.title')}>
        <RiskSection organizationId={id} fundId={fundId} assessments={v.assessments} canAct={canAct} />
      </Section>
      <Section title={t('partners.observations.title')}>
        <ObservationsSection organizationId={id} observations={v.observations} canAct={canAct} />
      </Section>
      <Section title={t('partners.duplicates.title')}>
        {v.duplicates.length === 0 ? (
          <Text size="sm">{t('partners.duplicates.none')}</Text>
        ) : (
          <List size="sm" data-testid="duplicates">
            {v.duplicates.map((d) => (
              <List.Item key={`${d.organizationId}-${d.reason}`}>
                <Anchor component={Link} to={`/manage/partners/${d.organizationId}`}>
                  {t(`partners.duplicates.reason.${d.reason}`)}
                </Anchor>{' '}
                ({formatDate(d.createdAt, locale)})
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Stack gap="sm">
        <Title order={2}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}

function Check({ ok, label, children }: { ok: boolean; label: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <List.Item>
      <Badge variant="outline" color={ok ? 'teal.9' : 'red.9'} mie="xs">
        {ok ? t('partners.dd.yes') : t('partners.dd.no')}
      </Badge>
      {label}
      {children}
    </List.Item>
  );
}

function Checklist({ v, fundId, canAct }: { v: DueDiligenceView; fundId: string | null; canAct: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const refresh = useRefresh(v.organization.id);
  const settings = useQuery({
    ...fundSettingsQuery({ path: { fundId: fundId ?? '' } }),
    enabled: Boolean(fundId),
  });
  const verify = useMutation({ ...verifyDueDiligenceMutation(), onSuccess: refresh });
  const p = v.profile;
  const docsMissing = p.missing.filter((m) => m.field.startsWith('documents.'));
  const hitsOpen = v.hits.filter((h) => h.status !== 'cleared');
  const rating = v.assessments.find((a) => a.fundId === fundId);
  const years = settings.data?.verificationYears ?? 5;
  const expiry = p.dueDiligenceVerifiedAt ? new Date(p.dueDiligenceVerifiedAt) : null;
  expiry?.setUTCFullYear(expiry.getUTCFullYear() + years);
  const expired = expiry !== null && expiry.getTime() < Date.now();
  return (
    <Section title={t('partners.dd.checklist')}>
      <List spacing="xs" listStyleType="none" data-testid="dd-checklist">
        <Check ok={p.complete} label={t('partners.dd.complete')}>
          {!p.complete && (
            <List size="sm" withPadding>
              {p.missing.map((m) => (
                <List.Item key={m.field}>{t(missingKey(m.field))}</List.Item>
              ))}
            </List>
          )}
        </Check>
        <Check ok={docsMissing.length === 0} label={t('partners.dd.documentsValid')} />
        <Check
          ok={hitsOpen.length === 0}
          label={t('partners.dd.screeningClear', { count: hitsOpen.length })}
        />
        <Check ok={!p.pendingBank} label={t('partners.dd.noBankChange')} />
        <Check
          ok={Boolean(rating && rating.level !== 'not_eligible')}
          label={
            rating
              ? t('partners.dd.rated', {
                  level: t(`partners.risk.levels.${rating.level}`),
                  score: rating.score,
                })
              : t('partners.dd.notRated')
          }
        />
        <Check
          ok={Boolean(expiry && !expired)}
          label={
            expiry
              ? t(expired ? 'partners.dd.verificationExpired' : 'partners.dd.verifiedUntil', {
                  on: formatDate(p.dueDiligenceVerifiedAt!, locale),
                  until: formatDate(expiry, locale),
                })
              : t('partners.dd.notVerified')
          }
        />
      </List>
      {canAct && (
        <div>
          <Button
            onClick={() => verify.mutate({ path: { organizationId: v.organization.id } })}
            loading={verify.isPending}
            data-testid="verify-dd"
          >
            {p.dueDiligenceVerifiedAt ? t('partners.dd.verifyAgain') : t('partners.dd.verify')}
          </Button>
        </div>
      )}
      {verify.isSuccess && (
        <Text role="status" c="teal.9" fw={600}>
          {t('partners.dd.verifiedNow')}
        </Text>
      )}
      {verify.error && (
        <ProblemAlert
          error={verify.error}
          fields={p.missing.map((m) => m.field)}
          messageKey={partnerProblemKey(verify.error)}
        />
      )}
    </Section>
  );
}
