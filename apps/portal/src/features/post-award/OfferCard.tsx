import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../components/DateText';
import { Section } from '../../components/Section';
import type { PostAwardView } from './post-award-api';
import { StateBadge } from './PostAwardParts';

/**
 * The offer as both sides of a grant see it (full workflow, ADR 0012): its state, the date to answer by while
 * it is open, when it was answered and the note; `children` are the side's own actions under them (the
 * grantee's answer, the fund manager's withdraw button), `dialog` a dialog of the section's.
 */
export function OfferCard({
  pa,
  children,
  dialog,
}: {
  pa: PostAwardView;
  children?: ReactNode;
  dialog?: ReactNode;
}) {
  const { t } = useTranslation();
  const o = pa.offer;
  return (
    <Section id="pa-offer" title={t('postAward.offer.title')}>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group gap="xs">
            <Text>{t('postAward.stateHeader')}</Text>
            <StateBadge state={`offer_${o.state}`} testId="offer-state" />
          </Group>
          {o.state === 'offered' && o.respondBy && (
            <Text fw={600}>
              {t('postAward.offer.respondBy')} <DateText value={o.respondBy} />
            </Text>
          )}
          {o.decidedAt && (
            <Text>
              {t('postAward.offer.answeredOn')} <DateText value={o.decidedAt} />
            </Text>
          )}
          {o.note && <Text style={{ whiteSpace: 'pre-line' }}>{o.note}</Text>}
          {children}
        </Stack>
      </Paper>
      {dialog}
    </Section>
  );
}
