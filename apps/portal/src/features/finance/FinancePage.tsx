import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useTitle } from '../../lib/use-title';
import type { FundView } from './finance-api';
import { RequireFinance } from './RequireFinance';
import { FundPicker, useFund } from './use-fund';

function FundPageBody({ titleKey, children }: FinancePageProps) {
  const title = useTitle(titleKey);
  const { fund, funds, error, pending } = useFund();
  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      <FundPicker funds={funds} fund={fund} />
      {error ? <ProblemAlert error={error} /> : null}
      {pending && <Loading />}
      {fund && children(fund)}
    </Stack>
  );
}

interface FinancePageProps {
  /** The catalog key of the page's title (also the document's title). */
  titleKey: string;
  /** The page's sections for the fund picked (`?fund=<id>`, else the first). */
  children: (fund: FundView) => ReactNode;
}

/** A finance page about one fund: finance role required, its title, the fund picker, then its sections. */
export function FinancePage(props: FinancePageProps) {
  return (
    <RequireFinance>
      <FundPageBody {...props} />
    </RequireFinance>
  );
}
