import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { listFundsOptions } from '../../api/@tanstack/react-query.gen';
import { meQuery } from '../../lib/queries';
import { useAccessToken } from '../../lib/session';

export type Role = 'ngo' | 'reviewer' | 'fund_manager' | 'finance' | 'donor' | 'admin';
export const STAFF: readonly Role[] = ['fund_manager', 'finance', 'admin'];

/** The signed-in user's roles (empty while loading or signed out). */
export function useRoles(): Role[] {
  const token = useAccessToken();
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  return (me.data?.roles ?? []) as Role[];
}

export const isStaff = (roles: readonly Role[]) => roles.some((r) => STAFF.includes(r));

/** The funds the staff member may see (the API applies their fund scope). */
export function useFunds() {
  const token = useAccessToken();
  return useQuery({ ...listFundsOptions(), enabled: Boolean(token) });
}

/** The fund a staff page is about: `?fund=` when given, else the first the reader may see. */
export function useFundChoice(): { fundId: string | null; setFund: (id: string) => void } {
  const [params, setParams] = useSearchParams();
  const funds = useFunds();
  const fundId = params.get('fund') ?? funds.data?.items[0]?.id ?? null;
  return {
    fundId,
    setFund: (id) =>
      setParams((p) => {
        p.set('fund', id);
        return p;
      }),
  };
}

/** Chooses the fund of a staff page (shown only when the reader may see more than one). */
export function FundPicker({ fundId, onChange }: { fundId: string | null; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const funds = useFunds();
  const items = funds.data?.items ?? [];
  if (items.length < 2) return null;
  return (
    <NativeSelect
      label={t('fund.pick')}
      value={fundId ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={items.map((f) => ({ value: f.id, label: `${f.code}: ${f.name}` }))}
      maw={420}
    />
  );
}
