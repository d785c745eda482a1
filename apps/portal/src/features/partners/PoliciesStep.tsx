import { Alert, Checkbox, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../components/DateText';
import { DECLARATION_VERSION } from './partners-queries';
import { budgetYears } from './profile-form';
import type { StepProps } from './ProfileWizardPage';

/** Step 3: budgets of the last three years, the PSEA and anti-fraud policies, and the signed declaration. */
export function PoliciesStep({ form, set }: StepProps) {
  const { t } = useTranslation();
  const d = form.declaration;
  return (
    <Stack gap="md">
      <fieldset className="partners-fieldset">
        <legend>{t('partners.fields.budgets')}</legend>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput
            id="p-budgetCurrency"
            label={t('partners.fields.currency')}
            maxLength={3}
            value={form.budgetCurrency}
            onChange={(e) => set({ budgetCurrency: e.currentTarget.value.toUpperCase() })}
          />
          {budgetYears().map((y) => (
            <TextInput
              key={y}
              id={`p-budget-${y}`}
              label={t('partners.fields.budgetOf', { year: String(y) })}
              inputMode="decimal"
              required
              value={form.budgets[String(y)] ?? ''}
              onChange={(e) => set({ budgets: { ...form.budgets, [String(y)]: e.currentTarget.value } })}
            />
          ))}
        </SimpleGrid>
      </fieldset>
      <fieldset className="partners-fieldset">
        <legend>{t('partners.fields.psea')}</legend>
        <Stack gap="sm">
          <Checkbox
            id="p-pseaPolicy"
            label={t('partners.fields.pseaPolicy')}
            checked={form.psea.hasPolicy}
            onChange={(e) => set({ psea: { ...form.psea, hasPolicy: e.currentTarget.checked } })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              id="p-pseaName"
              label={t('partners.fields.focalName')}
              required
              maxLength={200}
              value={form.psea.name}
              onChange={(e) => set({ psea: { ...form.psea, name: e.currentTarget.value } })}
            />
            <TextInput
              id="p-pseaEmail"
              type="email"
              label={t('partners.fields.focalEmail')}
              required
              value={form.psea.email}
              onChange={(e) => set({ psea: { ...form.psea, email: e.currentTarget.value } })}
            />
          </SimpleGrid>
        </Stack>
      </fieldset>
      <Checkbox
        id="p-antiFraud"
        label={t('partners.fields.antiFraud')}
        checked={form.antiFraudPolicy}
        onChange={(e) => set({ antiFraudPolicy: e.currentTarget.checked })}
      />
      <fieldset className="partners-fieldset">
        <legend>{t('partners.fields.declaration')}</legend>
        <Stack gap="sm">
          <Alert variant="light" color="gray">
            <Text size="sm">{t('partners.fields.declarationText', { version: DECLARATION_VERSION })}</Text>
          </Alert>
          <TextInput
            id="p-signedBy"
            label={t('partners.fields.signedBy')}
            required
            maxLength={200}
            value={d.signedBy}
            onChange={(e) => set({ declaration: { ...d, signedBy: e.currentTarget.value } })}
          />
          <Checkbox
            id="p-sign"
            label={t('partners.fields.sign')}
            checked={d.signed}
            disabled={!d.signedBy.trim()}
            onChange={(e) =>
              set({
                declaration: {
                  ...d,
                  signed: e.currentTarget.checked,
                  signedAt: e.currentTarget.checked ? new Date().toISOString() : '',
                },
              })
            }
          />
          {d.signed && d.signedAt && (
            <Text size="sm" data-testid="declaration-signed">
              {t('partners.fields.signedOn')} <DateText value={d.signedAt} />
            </Text>
          )}
        </Stack>
      </fieldset>
    </Stack>
  );
}
