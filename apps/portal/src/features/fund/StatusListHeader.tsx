import { Group, NativeSelect, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FundPicker } from './staff';

/**
 * The head of a staff list filtered by status (the calls, the grants): the page's title, the fund picker and
 * the status select, all or one, in the words of the catalog section `ns` (`<ns>.filterStatus`,
 * `<ns>.allStatuses`, `<ns>.status.<status>`). `actions` (when given, even if empty for now) stand beside the
 * select; without them the select stands alone, at most 320 px wide.
 */
export function StatusListHeader<S extends string>({
  title,
  fundId,
  onFund,
  ns,
  statuses,
  status,
  onStatus,
  actions,
}: {
  title: string;
  fundId: string | null;
  onFund: (id: string) => void;
  ns: 'callsAdmin' | 'grantsAdmin';
  statuses: readonly S[];
  status: S | '';
  onStatus: (status: S | '') => void;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const select = (
    <NativeSelect
      label={t(`${ns}.filterStatus`)}
      value={status}
      onChange={(e) => onStatus(e.currentTarget.value as S | '')}
      data={[
        { value: '', label: t(`${ns}.allStatuses`) },
        ...statuses.map((s) => ({ value: s, label: t(`${ns}.status.${s}`) })),
      ]}
      maw={actions === undefined ? 320 : undefined}
    />
  );
  return (
    <>
      <Title order={1}>{title}</Title>
      <FundPicker fundId={fundId} onChange={onFund} />
      {actions !== undefined ? (
        <Group align="flex-end">
          {select}
          {actions}
        </Group>
      ) : (
        select
      )}
    </>
  );
}
