import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';

/** One listed individual or entity of the UN Security Council Consolidated List, with its names. */
export interface ListedEntry {
  dataId: string;
  kind: 'individual' | 'entity';
  referenceNumber: string | null;
  listType: string | null;
  listedOn: string | null;
  /** The primary name first (the name parts joined), then each alias with its quality. */
  names: { name: string; aliasQuality: string | null }[];
}

export interface ParsedListHead {
  dateGenerated: string | null;
}

const NAME_PARTS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'];

/**
 * Streams the list's XML (CONSOLIDATED_LIST / INDIVIDUALS / INDIVIDUAL, ENTITIES / ENTITY) through saxes,
 * chunk by chunk: the file is never one string. `onEntry` receives each entry as its closing tag is read;
 * a batch of them may be awaited before the next chunk is parsed (back-pressure on the stream).
 */
export async function parseConsolidatedList(
  chunks: AsyncIterable<Buffer | string>,
  onEntries: (entries: ListedEntry[]) => Promise<void>,
  batchSize = 500,
): Promise<ParsedListHead> {
  const parser = new SaxesParser();
  const head: ParsedListHead = { dateGenerated: null };
  let rootSeen = false;
  let failure: Error | null = null;
  let entry: ListedEntry | null = null;
  let parts: Record<string, string> = {};
  let alias: { name: string; quality: string | null } | null = null;
  let text = '';
  let pending: ListedEntry[] = [];
  const stack: string[] = [];

  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (node) => {
    const name = node.name;
    if (stack.length === 0) {
      if (name !== 'CONSOLIDATED_LIST')
        failure ??= new Error(`the root element is ${name}, not CONSOLIDATED_LIST`);
      rootSeen = true;
      const generated = node.attributes['dateGenerated'];
      head.dateGenerated = typeof generated === 'string' ? generated : null;
    }
    stack.push(name);
    text = '';
    if (name === 'INDIVIDUAL' || name === 'ENTITY') {
      entry = {
        dataId: '',
        kind: name === 'INDIVIDUAL' ? 'individual' : 'entity',
        referenceNumber: null,
        listType: null,
        listedOn: null,
        names: [],
      };
      parts = {};
    } else if (entry && (name === 'INDIVIDUAL_ALIAS' || name === 'ENTITY_ALIAS')) {
      alias = { name: '', quality: null };
    }
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('cdata', (t) => {
    text += t;
  });
  parser.on('closetag', (node) => {
    const name = node.name;
    stack.pop();
    const value = text.trim();
    text = '';
    if (!entry) return;
    const parent = stack[stack.length - 1];
    if (alias && (parent === 'INDIVIDUAL_ALIAS' || parent === 'ENTITY_ALIAS')) {
      if (name === 'ALIAS_NAME') alias.name = value;
      if (name === 'QUALITY') alias.quality = value || null;
      return;
    }
    if (name === 'INDIVIDUAL_ALIAS' || name === 'ENTITY_ALIAS') {
      if (alias?.name) entry.names.push({ name: alias.name, aliasQuality: alias.quality });
      alias = null;
      return;
    }
    if (parent === 'INDIVIDUAL' || parent === 'ENTITY') {
      if (name === 'DATAID') entry.dataId = value;
      else if (name === 'REFERENCE_NUMBER') entry.referenceNumber = value || null;
      else if (name === 'UN_LIST_TYPE') entry.listType = value || null;
      else if (name === 'LISTED_ON')
        entry.listedOn = /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
      else if (NAME_PARTS.includes(name)) parts[name] = value;
      return;
    }
    if (name === 'INDIVIDUAL' || name === 'ENTITY') {
      const primary = NAME_PARTS.map((p) => parts[p])
        .filter(Boolean)
        .join(' ');
      if (primary) entry.names.unshift({ name: primary, aliasQuality: null });
      if (!entry.dataId) failure ??= new Error(`an ${name} has no DATAID`);
      else if (entry.names.length) pending.push(entry);
      entry = null;
    }
  });

  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (failure) throw failure;
    if (pending.length >= batchSize) {
      const batch = pending;
      pending = [];
      await onEntries(batch);
    }
  }
  parser.write(decoder.end());
  parser.close();
  if (failure) throw failure;
  if (!rootSeen) throw new Error('the file holds no XML element');
  if (pending.length) await onEntries(pending);
  return head;
}
