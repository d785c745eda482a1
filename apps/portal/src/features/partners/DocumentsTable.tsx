import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/DownloadButton';
import { formatDate } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { type DocumentView, documentState, WARN } from './partners-queries';

const COLOR = { valid: 'teal.9', expiring: WARN, expired: 'red.9' } as const;

/** The organization's documents by type, with issue and expiry dates, expired or expiring ones marked. */
export function DocumentsTable({
  organizationId,
  documents,
}: {
  organizationId: string;
  documents: DocumentView[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const today = new Date().toISOString().slice(0, 10);
  if (documents.length === 0) return <Text size="sm">{t('partners.documents.none')}</Text>;
  const sorted = [...documents].sort(
    (a, b) => a.type.localeCompare(b.type) || b.issuedOn.localeCompare(a.issuedOn),
  );
  return (
    <div className="table-scroll">
      <Table striped withTableBorder data-testid="partner-documents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('partners.documents.type')}</Table.Th>
            <Table.Th scope="col">{t('partners.documents.issuedOn')}</Table.Th>
            <Table.Th scope="col">{t('partners.documents.expiresOn')}</Table.Th>
            <Table.Th scope="col">{t('partners.documents.state')}</Table.Th>
            <Table.Th scope="col">{t('partners.documents.file')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((d) => {
            const state = documentState(d.expiresOn, today);
            return (
              <Table.Tr key={d.id} data-document-type={d.type} data-state={state}>
                <Table.Th scope="row" fw={400}>
                  {t(`partners.documentTypes.${d.type}`)}
                </Table.Th>
                <Table.Td>{formatDate(d.issuedOn, locale)}</Table.Td>
                <Table.Td>
                  {d.expiresOn ? formatDate(d.expiresOn, locale) : t('partners.documents.noExpiry')}
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={COLOR[state]}>
                    {t(`partners.documents.states.${state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <DownloadButton
                    size="xs"
                    variant="subtle"
                    url={`/api/partners/${organizationId}/documents/${d.id}`}
                    fallbackName={d.filename}
                  >
                    {t('partners.documents.download', { name: d.filename })}
                  </DownloadButton>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
