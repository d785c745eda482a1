import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney, isolate } from '../../lib/format';
import type { CallView } from '../../lib/queries';
import { useLocale } from '../../lib/use-locale';

/** The deadline twice: in the reader's own time zone, and in UTC (the fund's time). */
export function Deadline({ deadline }: { deadline: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!deadline) return <Text>{t('calls.notAvailable')}</Text>;
  return (
    <>
      <Text>
        <time dateTime={deadline}>
          {t('calls.deadlineLocal', { date: isolate(formatDateTime(deadline, locale)) })}
        </time>
      </Text>
      <Text size="sm">
        {t('calls.deadlineUtc', { date: isolate(formatDateTime(deadline, locale, 'UTC')) })}
      </Text>
    </>
  );
}

export function AwardRange({ call }: { call: CallView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (call.minAward == null || call.maxAward == null) return <Text>{t('calls.notAvailable')}</Text>;
  return (
    <Text>
      {t('calls.awardRange', {
        min: isolate(formatMoney(call.minAward, call.currency, locale)),
        max: isolate(formatMoney(call.maxAward, call.currency, locale)),
      })}
    </Text>
  );
}
