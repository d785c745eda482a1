import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A plain accessible table: a caption, column headers, one row per figure; numbers aligned to the end. */
export function FigureTable({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: [string, string];
  rows: { key: string; label: ReactNode; value: ReactNode }[];
}) {
  return (
    <div className="table-scroll">
      <Table striped withTableBorder captionSide="top" miw={240}>
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{headers[0]}</Table.Th>
            <Table.Th scope="col" ta="end">
              {headers[1]}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={400}>
                {row.label}
              </Table.Th>
              <Table.Td ta="end">{row.value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
