import { Alert, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES } from '../../lib/countries';
import { countryName } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import type { ProfileView } from './partners-queries';
import type { StepProps } from './ProfileWizardPage';

/** Step 4: the bank account in the organization's legal name; its IBAN and SWIFT/BIC are checked by the fund. */
export function BankStep({ form, set, fieldError, profile }: StepProps & { profile: ProfileView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const b = form.bank;
  const bank = (patch: Partial<typeof b>) => set({ bank: { ...b, ...patch } });
  const countries = COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c, locale) })).sort((x, y) =>
    x.label.localeCompare(y.label, locale),
  );
  return (
    <Stack gap="md">
      <Alert
        className="partners-alert"
        variant="light"
        color={profile.dueDiligenceVerifiedAt ? 'orange' : 'gray'}
        title={t('partners.bank.warningTitle')}
        data-testid="bank-warning"
      >
        <Text size="sm">{t('partners.bank.warning')}</Text>
      </Alert>
      {profile.pendingBank && (
        <Alert
          className="partners-alert"
          variant="light"
          color="orange"
          role="status"
          data-testid="bank-pending"
        >
          <Text size="sm">{t('partners.bank.pending')}</Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          id="p-bankHolder"
          label={t('partners.bank.holder')}
          description={t('partners.bank.holderHelp')}
          required
          maxLength={200}
          value={b.holder}
          error={fieldError('bank.holder')}
          onChange={(e) => bank({ holder: e.currentTarget.value })}
        />
        <TextInput
          id="p-bankName"
          label={t('partners.bank.bankName')}
          required
          maxLength={200}
          value={b.bankName}
          error={fieldError('bank.bankName')}
          onChange={(e) => bank({ bankName: e.currentTarget.value })}
        />
        <NativeSelect
          id="p-bankCountry"
          label={t('partners.bank.country')}
          required
          value={b.country}
          error={fieldError('bank.country')}
          onChange={(e) => bank({ country: e.currentTarget.value })}
          data={[{ value: '', label: t('partners.fields.choose') }, ...countries]}
        />
        <TextInput
          id="p-bankBic"
          label={t('partners.bank.bic')}
          description={t('partners.bank.bicHelp')}
          required
          maxLength={20}
          dir="ltr"
          value={b.bic}
          error={fieldError('bank.bic')}
          onChange={(e) => bank({ bic: e.currentTarget.value })}
        />
        <TextInput
          id="p-bankIban"
          label={t('partners.bank.iban')}
          description={t('partners.bank.ibanHelp')}
          maxLength={50}
          dir="ltr"
          value={b.iban}
          error={fieldError('bank.iban')}
          onChange={(e) => bank({ iban: e.currentTarget.value })}
        />
        <TextInput
          id="p-bankAccount"
          label={t('partners.bank.accountNumber')}
          description={t('partners.bank.accountNumberHelp')}
          maxLength={34}
          dir="ltr"
          value={b.accountNumber}
          error={fieldError('bank.accountNumber')}
          onChange={(e) => bank({ accountNumber: e.currentTarget.value })}
        />
      </SimpleGrid>
    </Stack>
  );
}
