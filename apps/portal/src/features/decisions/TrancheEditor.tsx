import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { scheduleCheck, type TrancheCondition } from './decision-math';

export interface TrancheDraft {
  percent: string;
  condition: TrancheCondition;
}

export const toRows = (drafts: readonly TrancheDraft[]) =>
  drafts.map((d) => ({ percent: d.percent.trim() === '' ? NaN : Number(d.percent), condition: d.condition }));

/** Rows of percent and condition; the total shown live, and it must be 100. */
export function TrancheEditor({
  value,
  onChange,
}: {
  value: TrancheDraft[];
  onChange: (next: TrancheDraft[]) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { total, ok } = scheduleCheck(toRows(value));
  const set = (i: number, patch: Partial<TrancheDraft>) =>
    onChange(value.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <fieldset className="tranche-editor">
      <legend>{t('decision.schedule')}</legend>
      <Stack gap="xs">
        {value.map((row, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              label={t('decision.percentOf', { n: i + 1 })}
              inputMode="numeric"
              value={row.percent}
              onChange={(e) => set(i, { percent: e.currentTarget.value })}
              w={120}
            />
            <NativeSelect
              label={t('decision.conditionOf', { n: i + 1 })}
              value={row.condition}
              onChange={(e) => set(i, { condition: e.currentTarget.value as TrancheCondition })}
              data={[
                { value: 'on_signature', label: t('decision.conditions.on_signature') },
                { value: 'after_report', label: t('decision.conditions.after_report') },
              ]}
            />
            {value.length > 1 && (
              <Button
                variant="outline"
                color="red.9"
                size="xs"
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                {t('decision.removeTranche', { n: i + 1 })}
              </Button>
            )}
          </Group>
        ))}
        <Group>
          <Button
            variant="outline"
            size="xs"
            onClick={() => onChange([...value, { percent: '', condition: 'after_report' }])}
            disabled={value.length >= 24}
          >
            {t('decision.addTranche')}
          </Button>
        </Group>
        <Text role="status" aria-live="polite" c={ok ? undefined : 'red.9'} fw={700}>
          {t(ok ? 'decision.totalOk' : 'decision.totalWrong', {
            total: Number.isFinite(total) ? formatNumber(total, locale) : '-',
          })}
        </Text>
      </Stack>
    </fieldset>
  );
}
