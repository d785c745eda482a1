import { Badge, Button, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { meQuery } from '../../lib/queries';
import { useLocale } from '../../lib/use-locale';
import { useRefresh } from './DueDiligencePage';
import {
  type AssessmentView,
  assessPartnerMutation,
  CAPACITY_QUESTIONS,
  partnerProblemKey,
  WARN,
} from './partners-queries';
import { raterLabel } from './rater';

const LEVEL_COLOR: Record<string, string> = {
  low: 'teal.9',
  medium: WARN,
  high: 'red.9',
  not_eligible: 'red.9',
};

/** The capacity assessment (seven weighted questions, 0-4 each) and the rating history of the fund chosen. */
export function RiskSection({
  organizationId,
  fundId,
  assessments,
  canAct,
}: {
  organizationId: string;
  fundId: string | null;
  assessments: AssessmentView[];
  canAct: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useQuery(meQuery());
  const refresh = useRefresh(organizationId);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const assess = useMutation({
    ...assessPartnerMutation(),
    onSuccess: () => {
      setAnswers({});
      setNote('');
      refresh();
    },
  });
  const answered = CAPACITY_QUESTIONS.every((q) => answers[q] !== undefined && answers[q] !== '');
  const history = assessments.filter((a) => a.fundId === fundId);
  const who = (a: AssessmentView) => {
    const label = raterLabel(a, me.data?.id);
    return 'name' in label ? label.name : t(label.key, label.values);
  };
  return (
    <Stack gap="md">
      {canAct && fundId && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!answered) return;
            assess.mutate({
              path: { organizationId },
              body: {
                fundId,
                answers: CAPACITY_QUESTIONS.map((key) => ({ key, score: Number(answers[key]) })),
                ...(note.trim() && { note: note.trim() }),
              },
            });
          }}
        >
          <Stack gap="sm">
            <Title order={3}>{t('partners.risk.assessment')}</Title>
            <Text size="sm">{t('partners.risk.scale')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {CAPACITY_QUESTIONS.map((q) => (
                <NativeSelect
                  key={q}
                  id={`q-${q}`}
                  label={t(`partners.risk.questions.${q}`)}
                  required
                  value={answers[q] ?? ''}
                  onChange={(e) => setAnswers({ ...answers, [q]: e.currentTarget.value })}
                  data={[
                    { value: '', label: t('partners.fields.choose') },
                    ...[0, 1, 2, 3, 4].map((n) => ({
                      value: String(n),
                      label: t(`partners.risk.answers.${n}`),
                    })),
                  ]}
                />
              ))}
            </SimpleGrid>
            <Textarea
              id="risk-note"
              label={t('partners.risk.note')}
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            {assess.error && (
              <ProblemAlert error={assess.error} messageKey={partnerProblemKey(assess.error)} />
            )}
            <div>
              <Button type="submit" disabled={!answered} loading={assess.isPending} data-testid="assess">
                {t('partners.risk.rate')}
              </Button>
            </div>
          </Stack>
        </form>
      )}
      <Title order={3}>{t('partners.risk.history')}</Title>
      {history.length === 0 ? (
        <Text size="sm">{t('partners.risk.none')}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped withTableBorder data-testid="risk-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('partners.risk.when')}</Table.Th>
                <Table.Th scope="col">{t('partners.risk.who')}</Table.Th>
                <Table.Th scope="col">{t('partners.risk.level')}</Table.Th>
                <Table.Th scope="col">{t('partners.risk.score')}</Table.Th>
                <Table.Th scope="col">{t('partners.risk.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((a) => (
                <Table.Tr key={a.id} data-level={a.level}>
                  <Table.Th scope="row" fw={400}>
                    {formatDateTime(a.createdAt, locale)}
                  </Table.Th>
                  <Table.Td data-testid="rater">
                    <bdi>{who(a)}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={LEVEL_COLOR[a.level] ?? 'gray'}>
                      {t(`partners.risk.levels.${a.level}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{a.score}</Table.Td>
                  <Table.Td>
                    <bdi>{a.note ?? ''}</bdi>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
