import './partners.css';
import { Button, FileInput, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useTitle } from '../../lib/use-title';
import { useRoles } from '../fund/staff';
import {
  importSanctionsList,
  partnerProblemKey,
  sanctionsListsQuery,
  sanctionsListsQueryKey,
} from './partners-queries';
import { StaffOnly } from './StaffOnly';

/** The UN Security Council Consolidated List's versions, and an admin's upload of a new one (its XML). */
export function SanctionsListsPage() {
  const title = useTitle('partners.sanctions.title');
  return (
    <StaffOnly title={title} roles={['fund_manager', 'admin']}>
      <Lists />
    </StaffOnly>
  );
}

function Lists() {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const isAdmin = useRoles().includes('admin');
  const lists = useQuery(sanctionsListsQuery());
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      const { data } = await importSanctionsList({ body: { file: file! }, throwOnError: true });
      return data;
    },
    onSuccess: () => {
      setFile(null);
      void client.invalidateQueries({ queryKey: sanctionsListsQueryKey() });
    },
  });
  return (
    <Stack gap="md">
      <Text>{t('partners.sanctions.intro')}</Text>
      {isAdmin && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (file) upload.mutate();
          }}
        >
          <Stack gap="sm">
            <Title order={2}>{t('partners.sanctions.upload')}</Title>
            <FileInput
              id="sanctions-file"
              label={t('partners.sanctions.file')}
              description={t('partners.sanctions.fileHelp')}
              required
              clearable
              accept=".xml,text/xml,application/xml"
              value={file}
              onChange={setFile}
            />
            {upload.error && (
              <ProblemAlert error={upload.error} messageKey={partnerProblemKey(upload.error)} />
            )}
            {upload.data && (
              <Text role="status" c="teal.9" fw={600}>
                {t('partners.sanctions.imported', { count: upload.data.entries })}
              </Text>
            )}
            <div>
              <Button type="submit" disabled={!file} loading={upload.isPending} data-testid="import-list">
                {t('partners.sanctions.import')}
              </Button>
            </div>
          </Stack>
        </form>
      )}
      <Title order={2}>{t('partners.sanctions.versions')}</Title>
      {lists.error && <ProblemAlert error={lists.error} />}
      {!lists.data ? (
        !lists.error && <Loading />
      ) : lists.data.length === 0 ? (
        <Text size="sm">{t('partners.sanctions.none')}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped withTableBorder data-testid="sanctions-lists">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('partners.sanctions.importedAt')}</Table.Th>
                <Table.Th scope="col">{t('partners.sanctions.generated')}</Table.Th>
                <Table.Th scope="col">{t('partners.sanctions.source')}</Table.Th>
                <Table.Th scope="col">{t('partners.sanctions.entries')}</Table.Th>
                <Table.Th scope="col">{t('partners.sanctions.names')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lists.data.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Th scope="row" fw={400}>
                    {formatDateTime(l.importedAt, locale)}
                  </Table.Th>
                  <Table.Td>{l.dateGenerated ? formatDateTime(l.dateGenerated, locale) : '—'}</Table.Td>
                  <Table.Td>{t(`partners.sanctions.sources.${l.source}`)}</Table.Td>
                  <Table.Td>{formatNumber(l.entries, locale)}</Table.Td>
                  <Table.Td>{formatNumber(l.names, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
