import { Paper, Stack, Table, Text } from '@mantine/core';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../components/MoneyText';
import { countryName } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';

/** An application laid out to read: the review step and the submitted application show the same. */
export function ApplicationSummary({
  title,
  summary,
  countries,
  services,
  expectedVictims,
  budget,
  currency,
  children,
}: {
  title: string;
  summary: string;
  countries: string[];
  services: string[];
  expectedVictims: string | number;
  budget: { category: string; description: string; amount: number }[];
  currency: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const total = budget.reduce((s, l) => s + l.amount, 0);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Fact label={t('ngo.fields.title')}>{title}</Fact>
        <Fact label={t('ngo.fields.summary')}>
          <Text style={{ whiteSpace: 'pre-line' }}>{summary}</Text>
        </Fact>
        <Fact label={t('ngo.fields.countries')}>
          {countries.map((c) => countryName(c, locale)).join(', ')}
        </Fact>
        <Fact label={t('ngo.fields.services')}>{services.map((s) => t(`services.${s}`)).join(', ')}</Fact>
        <Fact label={t('ngo.fields.expectedVictims')}>
          {new Intl.NumberFormat(locale).format(Number(expectedVictims) || 0)}
        </Fact>
        <div className="table-scroll">
          <Table striped withTableBorder>
            <Table.Caption>{t('ngo.budget.title')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ngo.budget.category')}</Table.Th>
                <Table.Th scope="col">{t('ngo.budget.description')}</Table.Th>
                <Table.Th scope="col">{t('ngo.budget.amount', { currency })}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {budget.map((l, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{l.category ? t(`services.${l.category}`) : ''}</Table.Td>
                  <Table.Td>{l.description}</Table.Td>
                  <Table.Td>
                    <MoneyText amount={l.amount} currency={currency} />
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row" colSpan={2}>
                  {t('ngo.budget.total')}
                </Table.Th>
                <Table.Td fw={700}>
                  <MoneyText amount={total} currency={currency} />
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text fw={700} size="sm">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}
