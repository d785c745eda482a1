import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../api/types.gen';
import { Section } from '../../components/Section';
import { AwardRange, Deadline } from '../calls/CallFacts';

/** A call past its draft: deadline, awards and the rubric, read only. */
export function CallFacts({ call }: { call: CallView }) {
  const { t } = useTranslation();
  return (
    <>
      <Deadline deadline={call.deadline} />
      <AwardRange call={call} />
      <Section id="call-rubric" title={t('callsAdmin.rubric.title')}>
        <div className="table-scroll">
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('callsAdmin.rubric.label')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('callsAdmin.rubric.weight')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('callsAdmin.rubric.maxScore')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {call.rubric.map((c) => (
                <Table.Tr key={c.key}>
                  <Table.Th scope="row" fw={400}>
                    {c.label}
                  </Table.Th>
                  <Table.Td ta="end">{c.weight}</Table.Td>
                  <Table.Td ta="end">{c.maxScore}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </Section>
    </>
  );
}
