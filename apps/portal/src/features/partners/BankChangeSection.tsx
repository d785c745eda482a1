import { Alert, Button, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countryName } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useRefresh } from './DueDiligencePage';
import {
  approveBankChangeMutation,
  type BankInput,
  partnerProblemKey,
  type ProfileView,
  rejectBankChangeMutation,
} from './partners-queries';

function Account({ title, bank }: { title: string; bank: BankInput | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap={2}>
      <Text fw={600}>{title}</Text>
      {bank ? (
        <>
          <Text size="sm">
            <bdi>{bank.holder}</bdi>
          </Text>
          <Text size="sm">
            <bdi>{bank.bankName}</bdi> · {countryName(bank.country, locale)}
          </Text>
          <Text size="sm" dir="ltr" className="partners-ltr">
            {bank.bic} {bank.iban ?? bank.accountNumber}
          </Text>
        </>
      ) : (
        <Text size="sm">{t('partners.bankChange.noAccount')}</Text>
      )}
    </Stack>
  );
}

/** A change of bank details after verification: payments wait until a fund manager approves or rejects it. */
export function BankChangeSection({
  organizationId,
  profile,
  canAct,
}: {
  organizationId: string;
  profile: ProfileView;
  canAct: boolean;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh(organizationId);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const approve = useMutation({ ...approveBankChangeMutation(), onSuccess: refresh });
  const reject = useMutation({ ...rejectBankChangeMutation(), onSuccess: refresh });
  const error = approve.error ?? reject.error;
  const act = (which: 'approve' | 'reject') => {
    setTried(true);
    if (!reason.trim()) return;
    const options = { path: { organizationId }, body: { reason: reason.trim() } };
    if (which === 'approve') approve.mutate(options);
    else reject.mutate(options);
  };
  return (
    <Stack gap="sm" data-testid="bank-change">
      <Alert className="partners-alert" variant="light" color="orange">
        <Text size="sm">{t('partners.bankChange.suspended')}</Text>
      </Alert>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Account title={t('partners.bankChange.current')} bank={profile.bank} />
        <Account title={t('partners.bankChange.requested')} bank={profile.pendingBank} />
      </SimpleGrid>
      {canAct && (
        <>
          <Textarea
            id="bank-reason"
            label={t('partners.bankChange.reason')}
            required
            rows={2}
            maxLength={2000}
            value={reason}
            error={tried && !reason.trim() ? t('partners.hits.reasonRequired') : undefined}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group gap="xs">
            <Button
              size="xs"
              onClick={() => act('approve')}
              loading={approve.isPending}
              data-testid="approve-bank"
            >
              {t('partners.bankChange.approve')}
            </Button>
            <Button
              size="xs"
              color="red.9"
              variant="outline"
              onClick={() => act('reject')}
              loading={reject.isPending}
            >
              {t('partners.bankChange.reject')}
            </Button>
          </Group>
        </>
      )}
      {error && <ProblemAlert error={error} messageKey={partnerProblemKey(error)} />}
    </Stack>
  );
}
