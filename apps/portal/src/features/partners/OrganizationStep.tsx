import { NativeSelect, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES } from '../../lib/countries';
import { countryName } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import type { StepProps } from './ProfileWizardPage';

/** Step 1: who the organization is (names, registration, founding year, headquarters or country office). */
export function OrganizationStep({ form, set, fieldError }: StepProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const r = form.registration;
  const reg = (patch: Partial<typeof r>) => set({ registration: { ...r, ...patch } });
  const countries = COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c, locale) })).sort((a, b) =>
    a.label.localeCompare(b.label, locale),
  );
  return (
    <Stack gap="md">
      <TextInput
        id="p-legalName"
        label={t('partners.fields.legalName')}
        description={t('partners.fields.legalNameHelp')}
        required
        maxLength={300}
        value={form.legalName}
        error={fieldError('legalName')}
        onChange={(e) => set({ legalName: e.currentTarget.value })}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea
          id="p-otherNames"
          label={t('partners.fields.otherNames')}
          description={t('partners.fields.onePerLine')}
          rows={3}
          value={form.otherNames}
          onChange={(e) => set({ otherNames: e.currentTarget.value })}
        />
        <Textarea
          id="p-acronyms"
          label={t('partners.fields.acronyms')}
          description={t('partners.fields.onePerLine')}
          rows={3}
          value={form.acronyms}
          onChange={(e) => set({ acronyms: e.currentTarget.value })}
        />
      </SimpleGrid>
      <fieldset className="partners-fieldset">
        <legend>{t('partners.fields.registration')}</legend>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            id="p-regNumber"
            label={t('partners.fields.regNumber')}
            required
            maxLength={100}
            value={r.number}
            error={fieldError('registration.number')}
            onChange={(e) => reg({ number: e.currentTarget.value })}
          />
          <TextInput
            id="p-regAuthority"
            label={t('partners.fields.regAuthority')}
            required
            maxLength={200}
            value={r.authority}
            onChange={(e) => reg({ authority: e.currentTarget.value })}
          />
          <NativeSelect
            id="p-regCountry"
            label={t('partners.fields.regCountry')}
            required
            value={r.country}
            onChange={(e) => reg({ country: e.currentTarget.value })}
            data={[{ value: '', label: t('partners.fields.choose') }, ...countries]}
          />
          <TextInput
            id="p-regDate"
            type="date"
            label={t('partners.fields.regDate')}
            required
            value={r.date}
            onChange={(e) => reg({ date: e.currentTarget.value })}
          />
          <TextInput
            id="p-regExpiry"
            type="date"
            label={t('partners.fields.regExpiry')}
            description={t('partners.fields.optional')}
            value={r.expiry}
            onChange={(e) => reg({ expiry: e.currentTarget.value })}
          />
          <TextInput
            id="p-yearFounded"
            label={t('partners.fields.yearFounded')}
            required
            inputMode="numeric"
            maxLength={4}
            value={form.yearFounded}
            error={fieldError('yearFounded')}
            onChange={(e) => set({ yearFounded: e.currentTarget.value })}
          />
        </SimpleGrid>
      </fieldset>
      <Radio.Group
        label={t('partners.fields.office')}
        required
        value={form.office.type}
        onChange={(v) => set({ office: { ...form.office, type: v as 'headquarters' | 'country_office' } })}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="headquarters" label={t('partners.fields.headquarters')} />
          <Radio value="country_office" label={t('partners.fields.countryOffice')} />
        </Stack>
      </Radio.Group>
      {form.office.type === 'country_office' && (
        <TextInput
          id="p-hq"
          label={t('partners.fields.headquartersId')}
          description={t('partners.fields.headquartersIdHelp')}
          value={form.office.headquartersOrganizationId}
          onChange={(e) =>
            set({ office: { ...form.office, headquartersOrganizationId: e.currentTarget.value } })
          }
        />
      )}
    </Stack>
  );
}
