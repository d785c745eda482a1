import './admin.css';
import { Button, Code, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { AdminOnly } from './AdminOnly';
import { auditPagesQuery, type AuditEntryView, usersPagesQuery } from './admin-queries';
import { auditSentence } from './audit-sentence';
import { LoadMore } from '../../components/LoadMore';

const ENTITIES = [
  'invitation',
  'user',
  'organization',
  'fund',
  'donor',
  'contribution',
  'pledge',
  'call',
  'application',
  'grant',
];

interface Filters {
  entity: string;
  actorId: string;
  from: string;
  to: string;
}
const NONE: Filters = { entity: '', actorId: '', from: '', to: '' };

/** The audit log: filters by entity, actor and dates; each row a sentence, the raw JSON in a disclosure. */
export function AuditPage() {
  const title = useTitle('admin.audit.title');
  const [filters, setFilters] = useState<Filters>(NONE);
  return (
    <AdminOnly title={title}>
      <FilterForm onApply={setFilters} />
      <AuditRows filters={filters} />
    </AdminOnly>
  );
}

function FilterForm({ onApply }: { onApply: (f: Filters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(NONE);
  const users = useInfiniteQuery({
    ...usersPagesQuery({ query: { limit: 100 } }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const people = users.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (k: keyof Filters) => (e: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form onSubmit={submit} aria-label={t('admin.audit.filters')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          id="audit-entity"
          label={t('admin.audit.entity')}
          value={draft.entity}
          onChange={set('entity')}
          data={[
            { value: '', label: t('admin.audit.any') },
            ...ENTITIES.map((e) => ({ value: e, label: t(`admin.audit.entities.${e}`) })),
          ]}
        />
        <NativeSelect
          id="audit-actor"
          label={t('admin.audit.actorFilter')}
          value={draft.actorId}
          onChange={set('actorId')}
          data={[
            { value: '', label: t('admin.audit.anyone') },
            ...people.map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` })),
          ]}
          maw={320}
        />
        <TextInput
          id="audit-from"
          type="date"
          label={t('admin.audit.from')}
          value={draft.from}
          onChange={set('from')}
        />
        <TextInput
          id="audit-to"
          type="date"
          label={t('admin.audit.to')}
          value={draft.to}
          onChange={set('to')}
        />
        <Button type="submit">{t('admin.audit.apply')}</Button>
        <Button
          variant="subtle"
          onClick={() => {
            setDraft(NONE);
            onApply(NONE);
          }}
        >
          {t('admin.audit.clear')}
        </Button>
      </Group>
    </form>
  );
}

function AuditRows({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const query = Object.fromEntries(Object.entries({ ...filters, limit: 50 }).filter(([, v]) => v !== ''));
  const pages = useInfiniteQuery({
    ...auditPagesQuery({ query }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (pages.error) return <ProblemAlert error={pages.error} onRetry={() => void pages.refetch()} />;
  if (!pages.data) return <Loading />;
  const rows = pages.data.pages.flatMap((p) => p.items);
  return (
    <Stack gap="sm">
      <Text aria-live="polite" data-testid="audit-count">
        {t('admin.audit.shown', { count: rows.length })}
      </Text>
      <div className="table-scroll">
        <Table striped withTableBorder data-testid="audit">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.audit.what')}</Table.Th>
              <Table.Th scope="col">{t('admin.audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <AuditRow key={e.id} entry={e} />
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <LoadMore pages={pages} label={t('admin.more')} />
    </Stack>
  );
}

function AuditRow({ entry: e }: { entry: AuditEntryView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = formatDateTime(e.at, locale);
  return (
    <Table.Tr data-action={e.action}>
      <Table.Td>
        <Text size="sm" data-testid="audit-sentence">
          {auditSentence(e, t, when)}
        </Text>
      </Table.Td>
      <Table.Td>
        <details>
          <summary>{t('admin.audit.raw')}</summary>
          <Code block dir="ltr" className="audit-json">
            {JSON.stringify(e, null, 2)}
          </Code>
        </details>
      </Table.Td>
    </Table.Tr>
  );
}
