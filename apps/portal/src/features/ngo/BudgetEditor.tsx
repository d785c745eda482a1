import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../components/MoneyText';
import { formatMoney, isolate } from '../../lib/format';
import { type CallView } from '../../lib/queries';
import { useLocale } from '../../lib/use-locale';
import { type ApplicationForm, emptyLine, type Service, SERVICES } from './application-form';

export function BudgetEditor({
  form,
  call,
  total,
  message,
  onChange,
}: {
  form: ApplicationForm;
  call: CallView;
  total: number;
  message: (field: string) => string | undefined;
  onChange: (budget: ApplicationForm['budget']) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lines = form.budget;
  const update = (i: number, patch: Partial<ApplicationForm['budget'][number]>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const totalProblem = message('budget');
  return (
    <Fieldset legend={t('ngo.budget.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('ngo.budget.help', { currency: call.currency })}</Text>
        {lines.map((line, i) => (
          <Paper key={i} withBorder p="sm" role="group" aria-label={t('ngo.budget.line', { count: i + 1 })}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect
                id={`f-budget.${i}.category`}
                label={t('ngo.budget.category')}
                required
                value={line.category}
                error={message(`budget.${i}.category`)}
                data={[
                  { value: '', label: t('ngo.budget.choose') },
                  ...SERVICES.map((s) => ({ value: s, label: t(`services.${s}`) })),
                ]}
                onChange={(e) => update(i, { category: e.currentTarget.value as Service | '' })}
              />
              <TextInput
                id={`f-budget.${i}.description`}
                label={t('ngo.budget.description')}
                required
                maxLength={500}
                value={line.description}
                error={message(`budget.${i}.description`)}
                onChange={(e) => update(i, { description: e.currentTarget.value })}
              />
              <TextInput
                id={`f-budget.${i}.amount`}
                label={t('ngo.budget.amount', { currency: call.currency })}
                required
                inputMode="decimal"
                dir="ltr"
                value={line.amount}
                error={message(`budget.${i}.amount`)}
                onChange={(e) => update(i, { amount: e.currentTarget.value })}
              />
            </SimpleGrid>
            {lines.length > 1 && (
              <Button
                variant="subtle"
                color="red.9"
                size="compact-sm"
                mt="xs"
                onClick={() => onChange(lines.filter((_, j) => j !== i))}
              >
                {t('ngo.budget.remove', { count: i + 1 })}
              </Button>
            )}
          </Paper>
        ))}
        <Group>
          <Button
            variant="outline"
            onClick={() => onChange([...lines, emptyLine()])}
            disabled={lines.length >= 100}
          >
            {t('ngo.budget.add')}
          </Button>
        </Group>
        <div id="budget-total" tabIndex={-1} aria-live="polite">
          <Text fw={700}>
            {t('ngo.budget.total')} <MoneyText amount={total} currency={call.currency} />
          </Text>
          <Text size="sm">{t('ngo.budget.count', { count: lines.length })}</Text>
          {call.minAward !== null && call.maxAward !== null && (
            <Text size="sm">
              {t('ngo.budget.limits', {
                min: isolate(formatMoney(call.minAward, call.currency, locale)),
                max: isolate(formatMoney(call.maxAward, call.currency, locale)),
              })}
            </Text>
          )}
          {totalProblem && (
            <Text c="red.9" size="sm" role="alert">
              {totalProblem}
            </Text>
          )}
        </div>
      </Stack>
    </Fieldset>
  );
}
