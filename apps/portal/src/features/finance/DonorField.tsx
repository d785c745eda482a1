import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { COUNTRY_CODES } from '../../lib/countries';
import { countryName } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { createDonorMutation, donorsQuery, type DonorView } from './finance-api';

/** The donors finance may pick from (the first 500, filtered by the search box on the page). */
export function useDonors() {
  return useQuery(donorsQuery({ query: { limit: 500 } }));
}

/** Finds a donor by name among the existing ones, or creates one inline; `onChange` gets its id. */
export function DonorField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const donors = useDonors();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState<{ name: string; type: DonorView['type']; country: string }>({
    name: '',
    type: 'member_state',
    country: '',
  });
  const create = useMutation({
    ...createDonorMutation(),
    onSuccess: (donor) => {
      void client.invalidateQueries({ queryKey: donorsQuery({ query: { limit: 500 } }).queryKey });
      onChange(donor.id);
      setCreating(false);
      setSearch(donor.name);
    },
  });
  const needle = search.trim().toLocaleLowerCase();
  const found = (donors.data?.items ?? []).filter(
    (d) => !needle || d.name.toLocaleLowerCase().includes(needle) || d.id === value,
  );
  return (
    <Stack gap="xs">
      <TextInput
        id="donor-search"
        label={t('finance.donor.search')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      <NativeSelect
        id="donor-id"
        label={t('finance.donor.label')}
        value={value}
        error={error}
        required
        data={[
          { value: '', label: t('finance.donor.choose', { count: found.length }) },
          ...found.map((d) => ({
            value: d.id,
            label: d.country ? `${d.name} (${countryName(d.country, locale)})` : d.name,
          })),
        ]}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      {!creating ? (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => setCreating(true)}>
            {t('finance.donor.new')}
          </Button>
        </Group>
      ) : (
        <Stack gap="xs" p="sm" className="inline-panel">
          {create.error && <ProblemAlert error={create.error} fields={['name', 'type', 'country']} />}
          <TextInput
            id="donor-new-name"
            label={t('finance.donor.name')}
            required
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
          <NativeSelect
            id="donor-new-type"
            label={t('finance.donor.type')}
            value={draft.type}
            data={(['member_state', 'private'] as const).map((v) => ({
              value: v,
              label: t(`finance.donorTypes.${v}`),
            }))}
            onChange={(e) => setDraft({ ...draft, type: e.currentTarget.value as DonorView['type'] })}
          />
          <NativeSelect
            id="donor-new-country"
            label={t('finance.donor.country')}
            value={draft.country}
            data={[
              { value: '', label: '—' },
              ...COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c, locale) })).sort((a, b) =>
                a.label.localeCompare(b.label, locale),
              ),
            ]}
            onChange={(e) => setDraft({ ...draft, country: e.currentTarget.value })}
          />
          <Group gap="sm">
            <Button
              size="sm"
              loading={create.isPending}
              onClick={() =>
                create.mutate({
                  body: {
                    name: draft.name,
                    type: draft.type,
                    ...(draft.country ? { country: draft.country } : {}),
                  },
                })
              }
            >
              {t('finance.donor.create')}
            </Button>
            <Button size="sm" variant="default" onClick={() => setCreating(false)}>
              {t('finance.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
