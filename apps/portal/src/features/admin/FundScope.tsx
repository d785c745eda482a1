import './admin.css';
import { Checkbox, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fundsQuery } from './admin-queries';

/**
 * The funds a staff account is limited to, as checkboxes (none ticked: every fund). Plain checkboxes
 * rather than a searchable multi-select: keyboard-simple, and light (no combobox code on the page).
 */
export function FundScope({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string[];
  onChange: (v: string[]) => void;
}) {
  const { t } = useTranslation();
  const funds = useQuery(fundsQuery());
  const items = funds.data?.items ?? [];
  return (
    <Checkbox.Group
      id={id}
      label={t('admin.users.funds')}
      description={t('admin.users.fundsHint')}
      value={value}
      onChange={onChange}
    >
      <div className="fund-scope">
        {items.length === 0 && <Text size="sm">-</Text>}
        {items.map((f) => (
          <Checkbox key={f.id} value={f.id} label={`${f.code} · ${f.name}`} mt={4} />
        ))}
      </div>
    </Checkbox.Group>
  );
}
