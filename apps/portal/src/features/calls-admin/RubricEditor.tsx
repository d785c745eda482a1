import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CallErrors, type CriterionForm, emptyCriterion, weightTotal } from './call-form';

/** The rubric's criteria (key, label, weight, maximum score), with the weights' running total shown live. */
export function RubricEditor({
  rubric,
  errors,
  onChange,
}: {
  rubric: CriterionForm[];
  errors: CallErrors;
  onChange: (rubric: CriterionForm[]) => void;
}) {
  const { t } = useTranslation();
  const total = weightTotal(rubric);
  const set = (i: number, patch: Partial<CriterionForm>) =>
    onChange(rubric.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  // A field left empty is not flagged while typing (the weights' total and publishing say what is missing).
  const err = (k: string) => {
    const [, i, field] = k.split('.');
    const value = rubric[Number(i)]?.[field as keyof CriterionForm] ?? '';
    return errors[k] && value.trim() ? t(errors[k]) : undefined;
  };
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}>
      <legend>
        <Text fw={600}>{t('callsAdmin.rubric.title')}</Text>
      </legend>
      <Stack gap="sm">
        {rubric.map((c, i) => (
          <Paper
            key={i}
            withBorder
            p="sm"
            role="group"
            aria-label={t('callsAdmin.rubric.criterion', { n: i + 1 })}
          >
            <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
              <TextInput
                id={`rubric-${i}-key`}
                label={t('callsAdmin.rubric.key')}
                value={c.key}
                onChange={(e) => set(i, { key: e.currentTarget.value })}
                error={err(`rubric.${i}.key`)}
                miw={120}
              />
              <TextInput
                id={`rubric-${i}-label`}
                label={t('callsAdmin.rubric.label')}
                value={c.label}
                onChange={(e) => set(i, { label: e.currentTarget.value })}
                error={err(`rubric.${i}.label`)}
                miw={160}
              />
              <TextInput
                id={`rubric-${i}-weight`}
                label={t('callsAdmin.rubric.weight')}
                inputMode="numeric"
                value={c.weight}
                onChange={(e) => set(i, { weight: e.currentTarget.value })}
                error={err(`rubric.${i}.weight`)}
                miw={90}
              />
              <TextInput
                id={`rubric-${i}-max`}
                label={t('callsAdmin.rubric.maxScore')}
                inputMode="numeric"
                value={c.maxScore}
                onChange={(e) => set(i, { maxScore: e.currentTarget.value })}
                error={err(`rubric.${i}.maxScore`)}
                miw={90}
              />
            </Group>
            <Button
              variant="subtle"
              color="dark"
              size="xs"
              mt="xs"
              onClick={() => onChange(rubric.filter((_, j) => j !== i))}
            >
              {t('callsAdmin.rubric.remove', { n: i + 1 })}
            </Button>
          </Paper>
        ))}
        <Text
          role="status"
          aria-live="polite"
          fw={600}
          data-testid="weight-total"
          c={total === 100 ? 'teal.9' : 'dark'}
        >
          {t('callsAdmin.rubric.total', { total })}
        </Text>
        {errors.weights && rubric.length > 0 && (
          <Alert color="red" variant="light" id="weights-error" data-testid="weights-error">
            {t(errors.weights, { total })}
          </Alert>
        )}
        <Button variant="outline" onClick={() => onChange([...rubric, emptyCriterion()])} w="fit-content">
          {t('callsAdmin.rubric.add')}
        </Button>
      </Stack>
    </fieldset>
  );
}
