import { ListedEntry, parseConsolidatedList } from './sanctions-xml';

async function* chunked(xml: string, size: number) {
  const bytes = Buffer.from(xml, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" dateGenerated="2026-11-30T10:00:00.000Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>111</DATAID><VERSIONNUM>1</VERSIONNUM>
      <FIRST_NAME>JOSÉ</FIRST_NAME><SECOND_NAME>ÁLVAREZ</SECOND_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER>
      <LISTED_ON>2001-01-25</LISTED_ON>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Пепе</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME/></INDIVIDUAL_ALIAS>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY><DATAID>222</DATAID><FIRST_NAME>RELIEF FRONT</FIRST_NAME>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>RF</ALIAS_NAME></ENTITY_ALIAS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>`;

describe('parseConsolidatedList', () => {
  it('reads individuals and entities with their aliases, in chunks that split characters', async () => {
    const seen: ListedEntry[] = [];
    const head = await parseConsolidatedList(chunked(XML, 7), async (b) => void seen.push(...b), 1);
    expect(head.dateGenerated).toBe('2026-11-30T10:00:00.000Z');
    expect(seen).toEqual([
      {
        dataId: '111',
        kind: 'individual',
        referenceNumber: 'QDi.001',
        listType: 'Al-Qaida',
        listedOn: '2001-01-25',
        names: [
          { name: 'JOSÉ ÁLVAREZ', aliasQuality: null },
          { name: 'Пепе', aliasQuality: 'Good' },
        ],
      },
      {
        dataId: '222',
        kind: 'entity',
        referenceNumber: null,
        listType: null,
        listedOn: null,
        names: [
          { name: 'RELIEF FRONT', aliasQuality: null },
          { name: 'RF', aliasQuality: 'a.k.a.' },
        ],
      },
    ]);
  });

  it('refuses another root element and broken XML', async () => {
    await expect(parseConsolidatedList(chunked('<LIST></LIST>', 4), async () => {})).rejects.toThrow(
      /CONSOLIDATED_LIST/,
    );
    await expect(
      parseConsolidatedList(chunked('<CONSOLIDATED_LIST><ENTITIES>', 4), async () => {}),
    ).rejects.toThrow();
  });
});
