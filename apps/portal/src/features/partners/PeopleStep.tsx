import { Button, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StepProps } from './ProfileWizardPage';

/** Step 2: the head of the organization, its key people, its mandate and the populations it serves. */
export function PeopleStep({ form, set }: StepProps) {
  const { t } = useTranslation();
  const people = form.keyPeople;
  const person = (i: number, patch: Partial<(typeof people)[number]>) =>
    set({ keyPeople: people.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <Stack gap="md">
      <fieldset className="partners-fieldset">
        <legend>{t('partners.fields.head')}</legend>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            id="p-headName"
            label={t('partners.fields.personName')}
            required
            maxLength={200}
            value={form.head.name}
            onChange={(e) => set({ head: { ...form.head, name: e.currentTarget.value } })}
          />
          <TextInput
            id="p-headRole"
            label={t('partners.fields.personRole')}
            required
            maxLength={200}
            value={form.head.role}
            onChange={(e) => set({ head: { ...form.head, role: e.currentTarget.value } })}
          />
        </SimpleGrid>
      </fieldset>
      <fieldset className="partners-fieldset">
        <legend>{t('partners.fields.keyPeople')}</legend>
        <Stack gap="sm">
          {people.map((p, i) => (
            <div className="partners-key-person" key={i}>
              <TextInput
                id={`p-key-${i}-name`}
                label={t('partners.fields.keyPersonName', { n: i + 1 })}
                maxLength={200}
                value={p.name}
                onChange={(e) => person(i, { name: e.currentTarget.value })}
              />
              <TextInput
                id={`p-key-${i}-role`}
                label={t('partners.fields.keyPersonRole', { n: i + 1 })}
                maxLength={200}
                value={p.role}
                onChange={(e) => person(i, { role: e.currentTarget.value })}
              />
              <Button
                variant="subtle"
                color="red.9"
                disabled={people.length === 1}
                aria-label={t('partners.fields.removePerson', { n: i + 1 })}
                onClick={() => set({ keyPeople: people.filter((_, j) => j !== i) })}
              >
                {t('partners.fields.remove')}
              </Button>
            </div>
          ))}
          <div>
            <Button
              variant="outline"
              size="xs"
              disabled={people.length >= 30}
              onClick={() => set({ keyPeople: [...people, { name: '', role: '' }] })}
            >
              {t('partners.fields.addPerson')}
            </Button>
          </div>
        </Stack>
      </fieldset>
      <Textarea
        id="p-mandate"
        label={t('partners.fields.mandate')}
        required
        rows={4}
        maxLength={5000}
        value={form.mandate}
        onChange={(e) => set({ mandate: e.currentTarget.value })}
      />
      <Textarea
        id="p-populations"
        label={t('partners.fields.populations')}
        description={t('partners.fields.onePerLine')}
        required
        rows={3}
        value={form.populations}
        onChange={(e) => set({ populations: e.currentTarget.value })}
      />
    </Stack>
  );
}
