import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
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
import { ReasonDecision } from './ReasonDecision';

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
  const approve = useMutation({ ...approveBankChangeMutation(), onSuccess: refresh });
  const reject = useMutation({ ...rejectBankChangeMutation(), onSuccess: refresh });
  const error = approve.error ?? reject.error;
  const options = (reason: string) => ({ path: { organizationId }, body: { reason } });
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
        <ReasonDecision
          id="bank-reason"
          label={t('partners.bankChange.reason')}
          yes={{
            label: t('partners.bankChange.approve'),
            testId: 'approve-bank',
            pending: approve.isPending,
            onDecide: (reason) => approve.mutate(options(reason)),
          }}
          no={{
            label: t('partners.bankChange.reject'),
            pending: reject.isPending,
            onDecide: (reason) => reject.mutate(options(reason)),
          }}
        />
      )}
      {error && <ProblemAlert error={error} messageKey={partnerProblemKey(error)} />}
    </Stack>
  );
}
