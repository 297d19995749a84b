import { parse, type CsvError } from 'csv-parse/sync';
import { ATTRIBUTE_KEY_PATTERN } from '../deep-links/attribute-rules';

// A participants CSV file as rows for the same checks as PUT's JSON rows. Pure: bytes in, rows or a problem out.

/** Header names of the participant fields; every other column is an attribute. */
const FIELD_COLUMNS = { external_id: 'externalId', email: 'email', phone: 'phone', locale: 'locale', subscribed: 'subscribed' } as const;
type FieldColumn = keyof typeof FIELD_COLUMNS;
const SUBSCRIBED_WORDS: Record<string, boolean> = { true: true, yes: true, '1': true, false: false, no: false, '0': false };

export interface CsvRow {
  /** The file line the row starts on (the header is line 1). */
  row: number;
  /** A row object for checkParticipantRows. */
  value: Record<string, unknown>;
  /** The line does not have as many cells as the header. */
  ragged?: true;
}

/** The file as a whole cannot be read: the message says why (and where). */
export class CsvFileProblem extends Error {}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function readParticipantCsv(bytes: Uint8Array): CsvRow[] {
  try {
    strictUtf8.decode(bytes);
  } catch {
    throw new CsvFileProblem('The file is not UTF-8 text');
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(buffer, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const problem = error as CsvError & { lines?: number };
    throw new CsvFileProblem(`The file is not valid CSV${problem.lines ? ` near line ${problem.lines}` : ''}: ${problem.message}`);
  }
  if (records.length === 0) throw new CsvFileProblem('The file is empty: the first line names the columns');
  const columns = headerColumns(records[0].record);
  const lineOf = lineCounter(buffer);
  const rows: CsvRow[] = [];
  for (let index = 1; index < records.length; index += 1) {
    const line = lineOf(records[index - 1].info.bytes);
    const cells = records[index].record;
    const value = rowObject(columns, cells);
    rows.push(cells.length === columns.length ? { row: line, value } : { row: line, value, ragged: true });
  }
  return rows;
}

/** The header: known field names (any case), attribute names as written; both unique, external_id required. */
function headerColumns(header: string[]): string[] {
  const columns = header.map((name) => {
    const trimmed = name.trim();
    return trimmed.toLowerCase() in FIELD_COLUMNS ? trimmed.toLowerCase() : trimmed;
  });
  if (!columns.includes('external_id')) throw new CsvFileProblem('The first line must name the columns, among them external_id');
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) throw new CsvFileProblem(`The column "${column}" appears twice`);
    seen.add(column);
    if (!(column in FIELD_COLUMNS) && !ATTRIBUTE_KEY_PATTERN.test(column)) {
      throw new CsvFileProblem(`The column "${column.slice(0, 64)}" is not a field or a valid attribute name (a letter or _, then letters, digits, _ . -)`);
    }
  }
  return columns;
}

/** Empty cells are absent (left as they are); `subscribed` takes true/false, yes/no or 1/0. */
function rowObject(columns: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  columns.forEach((column, index) => {
    const cell = cells[index]?.trim();
    if (cell === undefined || cell === '') return;
    if (column === 'subscribed') value.subscribed = SUBSCRIBED_WORDS[cell.toLowerCase()] ?? cell;
    else if (column in FIELD_COLUMNS) value[FIELD_COLUMNS[column as FieldColumn]] = cell;
    else attributes[column] = cell;
  });
  if (Object.keys(attributes).length > 0) value.attributes = attributes;
  return value;
}

/**
 * The line a record starts on, from the byte offset where the previous record ended (csv-parse's info.bytes): past
 * the line break and any empty lines. Offsets must come in increasing order. CRLF, LF and CR all end a line.
 */
function lineCounter(buffer: Buffer): (previousEnd: number) => number {
  let position = 0;
  let line = 1;
  return (previousEnd) => {
    let start = previousEnd;
    while (start < buffer.length && (buffer[start] === 0x0a || buffer[start] === 0x0d)) start += 1;
    for (; position < start; position += 1) {
      const byte = buffer[position];
      if (byte === 0x0a || (byte === 0x0d && buffer[position + 1] !== 0x0a)) line += 1;
    }
    return line;
  };
}
