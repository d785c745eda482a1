import { Badge, List, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../components/DateText';
import { MoneyText } from '../../components/MoneyText';
import { Section } from '../../components/Section';
import { formatDate } from '../../lib/format';
import { isProblem } from '../../lib/problems';
import { useLocale } from '../../lib/use-locale';
import type { AmendmentView, OpenItemView, PostAwardView } from './post-award-api';

/** What both sides see of a grant after the award: pieces shared by the NGO's and the fund manager's pages. */

const STATE_COLOR: Record<string, string> = {
  due: 'un.8',
  overdue: 'red.9',
  submitted: 'grape.9',
  sent_back: 'red.9',
  accepted: 'teal.9',
  requested: 'grape.9',
  approved: 'teal.9',
  rejected: 'red.9',
  recorded: 'teal.9',
  planned: 'un.8',
  completed: 'teal.9',
  open: 'grape.9',
  closed: 'teal.9',
  owed: 'red.9',
  received: 'teal.9',
};

export function StateBadge({ state, testId }: { state: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATE_COLOR[state] ?? 'gray.8'} data-testid={testId}>
      {t(`postAward.state.${state}`)}
    </Badge>
  );
}

/** The report schedule with each entry's state (due, overdue, submitted, sent back, accepted). */
export function ScheduleSection({ pa }: { pa: PostAwardView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section id="pa-schedule" title={t('postAward.schedule.title')}>
      <div className="table-scroll">
        <Table striped withTableBorder data-testid="report-schedule">
          <Table.Caption>
            {t('postAward.schedule.caption', { count: pa.reportSchedule.length })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('postAward.schedule.report')}</Table.Th>
              <Table.Th scope="col">{t('postAward.schedule.dueOn')}</Table.Th>
              <Table.Th scope="col">{t('postAward.stateHeader')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pa.reportSchedule.map((e) => (
              <Table.Tr key={e.n}>
                <Table.Th scope="row" fw={400}>
                  {e.final ? t('postAward.schedule.final') : t('postAward.schedule.progress', { n: e.n })}
                </Table.Th>
                <Table.Td>
                  <bdi>{formatDate(e.dueOn, locale)}</bdi>
                </Table.Td>
                <Table.Td>
                  <StateBadge state={e.state} testId={`schedule-${e.n}-state`} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Section>
  );
}

/** One amendment in words: what it asks (the new end date, the moves, the money) and why. */
export function AmendmentText({ a, currency }: { a: AmendmentView; currency: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <Text fw={600}>
        {t('postAward.amendments.number', { n: a.version })} · {t(`postAward.amendments.kind.${a.kind}`)}
      </Text>
      {a.endDate && (
        <Text size="sm">
          {t('postAward.amendments.newEnd')} <bdi>{formatDate(a.endDate, locale)}</bdi>
        </Text>
      )}
      {a.moves?.map((m, i) => (
        <Text size="sm" key={i}>
          {t('postAward.amendments.move', { from: m.from, to: m.to })}{' '}
          <MoneyText amount={m.amount} currency={currency} />
        </Text>
      ))}
      {a.amount !== null && (
        <Text size="sm">
          {t('postAward.amendments.added')} <MoneyText amount={a.amount} currency={currency} />
        </Text>
      )}
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {a.reason}
      </Text>
      {a.decisionNote && (
        <Text size="sm">
          {t('postAward.amendments.decisionNote')} {a.decisionNote}
        </Text>
      )}
    </>
  );
}

/** The amendments with their states; `actions` adds the fund manager's buttons to a row. */
export function AmendmentsTable({
  pa,
  actions,
}: {
  pa: PostAwardView;
  actions?: (a: AmendmentView) => ReactNode;
}) {
  const { t } = useTranslation();
  if (!pa.amendments.length) return <Text>{t('postAward.amendments.none')}</Text>;
  return (
    <div className="table-scroll">
      <Table striped withTableBorder data-testid="amendments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('postAward.amendments.request')}</Table.Th>
            <Table.Th scope="col">{t('postAward.amendments.requestedAt')}</Table.Th>
            <Table.Th scope="col">{t('postAward.stateHeader')}</Table.Th>
            {actions && <Table.Th scope="col">{t('postAward.actionsHeader')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pa.amendments.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <AmendmentText a={a} currency={pa.currency} />
              </Table.Td>
              <Table.Td>
                <DateText value={a.requestedAt} />
              </Table.Td>
              <Table.Td>
                <StateBadge state={a.state} testId={`amendment-${a.version}-state`} />
              </Table.Td>
              {actions && <Table.Td>{actions(a)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** The budget by line: the (amended) budget, what the reports spent and the variance. */
export function BudgetTable({ pa }: { pa: PostAwardView }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <Table striped withTableBorder data-testid="pa-budget">
        <Table.Caption>{t('postAward.budget.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('postAward.budget.line')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('postAward.budget.budget')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('postAward.budget.spent')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('postAward.budget.variance')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pa.budget.map((l) => (
            <Table.Tr key={l.n}>
              <Table.Th scope="row" fw={400}>
                {l.n}. <bdi>{l.label}</bdi>
              </Table.Th>
              <Table.Td ta="end">
                <MoneyText amount={l.budget} currency={pa.currency} />
              </Table.Td>
              <Table.Td ta="end">
                <MoneyText amount={l.spent} currency={pa.currency} />
              </Table.Td>
              <Table.Td ta="end">
                <MoneyText amount={l.variance} currency={pa.currency} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** Assurance as the grantee sees it: the checks planned or done, findings, action points and refunds owed. */
export function AssuranceSummary({
  pa,
  activityActions,
  pointActions,
  refundActions,
}: {
  pa: PostAwardView;
  activityActions?: (id: string) => ReactNode;
  pointActions?: (id: string) => ReactNode;
  refundActions?: (id: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      {pa.assurance.length === 0 && <Text>{t('postAward.assurance.none')}</Text>}
      {pa.assurance.length > 0 && (
        <div className="table-scroll">
          <Table striped withTableBorder data-testid="assurance">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('postAward.assurance.activity')}</Table.Th>
                <Table.Th scope="col">{t('postAward.assurance.plannedOn')}</Table.Th>
                <Table.Th scope="col">{t('postAward.assurance.assignee')}</Table.Th>
                <Table.Th scope="col">{t('postAward.stateHeader')}</Table.Th>
                {activityActions && <Table.Th scope="col">{t('postAward.actionsHeader')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pa.assurance.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row" fw={400}>
                    {t(`postAward.assurance.kind.${a.kind}`)}
                  </Table.Th>
                  <Table.Td>
                    <bdi>{formatDate(a.plannedOn, locale)}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{a.assignee}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <StateBadge state={a.state} />
                  </Table.Td>
                  {activityActions && <Table.Td>{a.state === 'planned' && activityActions(a.id)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {pa.findings.length > 0 && (
        <List spacing="xs" mt="sm" data-testid="findings" aria-label={t('postAward.assurance.findings')}>
          {pa.findings.map((f) => (
            <List.Item key={f.id}>
              <Badge variant="outline" color={f.severity === 'high' ? 'red.9' : 'grape.9'} me="xs">
                {t(`postAward.severity.${f.severity}`)}
              </Badge>
              {f.text}
              {f.ineligibleAmount > 0 && (
                <>
                  {' · '}
                  {t('postAward.assurance.ineligible')}{' '}
                  <MoneyText amount={f.ineligibleAmount} currency={pa.currency} />
                </>
              )}
              {pa.actionPoints
                .filter((p) => p.findingId === f.id)
                .map((p) => (
                  <Text size="sm" key={p.id} data-testid="action-point">
                    {t('postAward.assurance.point', { owner: p.owner })} {p.text} ·{' '}
                    <bdi>{formatDate(p.dueOn, locale)}</bdi> <StateBadge state={p.state} />{' '}
                    {p.state === 'open' && pointActions?.(p.id)}
                  </Text>
                ))}
              {pa.refunds
                .filter((r) => r.findingId === f.id)
                .map((r) => (
                  <Text size="sm" key={r.id} data-testid="refund">
                    {t('postAward.assurance.refund')} <MoneyText amount={r.amount} currency={pa.currency} />{' '}
                    <StateBadge state={r.state} /> {r.state === 'owed' && refundActions?.(r.id)}
                  </Text>
                ))}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

/** One open item in the reader's words, from the view's own records (the API's English detail otherwise). */
function OpenDetail({ item: o, pa }: { item: OpenItemView; pa: PostAwardView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (o.kind === 'final_report') return <>{t('postAward.openDetail.final_report')}</>;
  if (o.kind === 'tranche') return <>{t('postAward.openDetail.tranche', { n: o.id })}</>;
  const refund = o.kind === 'refund' ? pa.refunds.find((r) => r.id === o.id) : undefined;
  if (refund)
    return (
      <>
        {t('postAward.openDetail.refund')} <MoneyText amount={refund.amount} currency={pa.currency} />
      </>
    );
  const point = o.kind === 'action_point' ? pa.actionPoints.find((p) => p.id === o.id) : undefined;
  if (point)
    return (
      <>
        <bdi>{point.text}</bdi> ({point.owner}, <bdi>{formatDate(point.dueOn, locale)}</bdi>)
      </>
    );
  const audit = o.kind === 'audit' ? pa.assurance.find((a) => a.id === o.id) : undefined;
  if (audit) return <>{t('postAward.openDetail.audit', { date: formatDate(audit.plannedOn, locale) })}</>;
  const amendment = o.kind === 'amendment' ? pa.amendments.find((a) => a.id === o.id) : undefined;
  if (amendment) return <>{t('postAward.openDetail.amendment', { n: amendment.version })}</>;
  return <bdi>{o.detail}</bdi>;
}

/** What still keeps the grant open, by kind (the close-out gate's list). */
export function OpenItems({ items, pa }: { items: readonly OpenItemView[]; pa: PostAwardView }) {
  const { t } = useTranslation();
  if (!items.length) return <Text data-testid="open-items-none">{t('postAward.closeOut.nothingOpen')}</Text>;
  return (
    <List data-testid="open-items" spacing={4}>
      {items.map((o) => (
        <List.Item key={`${o.kind}-${o.id}`} data-kind={o.kind}>
          <Text span fw={600}>
            {t(`postAward.open.${o.kind}`)}
          </Text>
          {': '}
          <OpenDetail item={o} pa={pa} />
        </List.Item>
      ))}
    </List>
  );
}

/** The open items a refused close-out (409) named, read from the problem's `errors` (field = kind). */
export function blockedItems(error: unknown): OpenItemView[] {
  if (!isProblem(error) || error.status !== 409 || !error.errors) return [];
  return error.errors.flatMap((e) =>
    e.messages.map((m) => {
      const [id, ...rest] = m.split(': ');
      return { kind: e.field as OpenItemView['kind'], id, detail: rest.join(': ') || m };
    }),
  );
}
