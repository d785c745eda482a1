import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type FundView, fundsQuery } from './finance-api';

/** The fund the finance pages work on: `?fund=<id>` in the address (a link keeps it), else the first. */
export function useFund(): { fund: FundView | null; funds: FundView[]; error: unknown; pending: boolean } {
  const [params, setParams] = useSearchParams();
  const funds = useQuery(fundsQuery());
  const items = funds.data?.items ?? [];
  const wanted = params.get('fund');
  const fund = items.find((f) => f.id === wanted) ?? items[0] ?? null;
  useEffect(() => {
    if (fund && wanted !== fund.id) {
      setParams(
        (p) => {
          p.set('fund', fund.id);
          return p;
        },
        { replace: true },
      );
    }
  }, [fund, wanted, setParams]);
  return { fund, funds: items, error: funds.error, pending: funds.isPending };
}

/** Picks the fund (only shown when there is more than one). */
export function FundPicker({ funds, fund }: { funds: FundView[]; fund: FundView | null }) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  if (funds.length < 2 || !fund) return null;
  return (
    <NativeSelect
      label={t('finance.fund')}
      value={fund.id}
      maw={420}
      data={funds.map((f) => ({ value: f.id, label: `${f.code} · ${f.name}` }))}
      onChange={(e) => {
        const id = e.currentTarget.value;
        setParams((p) => {
          p.set('fund', id);
          return p;
        });
      }}
    />
  );
}
