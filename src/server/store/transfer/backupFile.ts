import { createReadStream, createWriteStream, renameSync, rmSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, createGzip } from "node:zlib";
import { z } from "zod";
import { counted, type RowChunk, type RowCounts, STORE_TABLES, type TableSpec, type Value } from "./storeTables.js";

/**
 * The backup file: gzip'd JSON lines, written and read as a stream (a big store is never held in
 * memory). Line 1 is the header, naming the format, its version and every table's columns; then
 * each table that has rows: a line `{"table":NAME}` and one JSON array per row, in the header's
 * column order; the last line `{"end":{"rows":{NAME:COUNT,…}}}` proves the file is whole.
 * docs/architecture.md describes it for people.
 */
export const BACKUP_FORMAT = "concord-backup";
// 2: the ballot tables (schema v4).
export const BACKUP_VERSION = 2;

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: `not a ${BACKUP_FORMAT} file` }),
  version: z.literal(BACKUP_VERSION, { error: `only version ${BACKUP_VERSION} of the backup format is known` }),
  createdAt: z.string(),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()) })),
});
const sectionSchema = z.object({ table: z.string() }).strict();
const endSchema = z.object({ end: z.object({ rows: z.record(z.string(), z.number().int().nonnegative()) }) }).strict();
const rowSchema = z.array(z.union([z.string(), z.number(), z.boolean()]));

/** Writes the rows to `path` (through `path.partial`, renamed when whole); resolves with the rows per table. */
export async function writeBackupFile(
  chunks: AsyncIterable<RowChunk>,
  path: string,
  createdAt: string,
): Promise<RowCounts> {
  const counts: RowCounts = new Map();
  const partial = `${path}.partial`;
  try {
    await pipeline(
      Readable.from(backupLines(counted(chunks, counts), counts, createdAt)),
      createGzip(),
      createWriteStream(partial),
    );
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return counts;
}

async function* backupLines(
  chunks: AsyncIterable<RowChunk>,
  counts: RowCounts,
  createdAt: string,
): AsyncGenerator<string> {
  const tables = STORE_TABLES.map(({ name, columns }) => ({ name, columns }));
  yield `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt, tables })}\n`;
  let current: string | undefined;
  for await (const { table, rows } of chunks) {
    if (table.name !== current) {
      current = table.name;
      yield `${JSON.stringify({ table: table.name })}\n`;
    }
    yield rows.map((row) => `${JSON.stringify(row)}\n`).join("");
  }
  yield `${JSON.stringify({ end: { rows: Object.fromEntries(counts) } })}\n`;
}

/** Reads a backup file's rows, checking every line; throws on a file that is not whole or not ours. */
export async function* readBackupFile(path: string): AsyncGenerator<RowChunk> {
  const file = createReadStream(path);
  const gunzip = createGunzip();
  // pipe() does not pass a read error on: the gunzip stream must fail with it, or the reader would wait.
  file.on("error", (error) => gunzip.destroy(error));
  let lineNumber = 0;
  const fail = (message: string) => new Error(`${path}, line ${lineNumber}: ${message}`);
  const parse = <T>(schema: z.ZodType<T>, line: string): T => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw fail("not JSON");
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw fail(parsed.error.issues[0]?.message ?? "unexpected line");
    return parsed.data;
  };

  let table: TableSpec | undefined;
  let tableIndex = -1;
  let rows: Value[][] = [];
  const counts: RowCounts = new Map();
  let ended = false;
  for await (const line of lines(file.pipe(gunzip))) {
    lineNumber++;
    if (lineNumber === 1) {
      checkTables(parse(headerSchema, line).tables, fail);
      continue;
    }
    if (ended) throw fail("a line after the end");
    if (line.startsWith("[")) {
      if (!table) throw fail("a row before any table");
      const row = parse(rowSchema, line);
      if (row.length !== table.columns.length)
        throw fail(`${table.name} has ${table.columns.length} columns, not ${row.length}`);
      rows.push(row);
      counts.set(table.name, (counts.get(table.name) ?? 0) + 1);
      if (rows.length === table.rowsPerChunk) {
        yield { table, rows };
        rows = [];
      }
      continue;
    }
    if (table && rows.length > 0) yield { table, rows };
    rows = [];
    if (line.startsWith('{"end"')) {
      const expected = parse(endSchema, line).end.rows;
      for (const spec of STORE_TABLES) {
        if ((expected[spec.name] ?? 0) !== (counts.get(spec.name) ?? 0)) {
          throw fail(
            `the end line counts ${expected[spec.name] ?? 0} rows of ${spec.name}, the file holds ${counts.get(spec.name) ?? 0}`,
          );
        }
      }
      ended = true;
      continue;
    }
    const name = parse(sectionSchema, line).table;
    const next = STORE_TABLES.findIndex((spec) => spec.name === name);
    // In the header's order: a table comes after those it references.
    if (next <= tableIndex) throw fail(`table ${name} is unknown or out of order`);
    tableIndex = next;
    table = STORE_TABLES[next];
  }
  if (lineNumber === 0) throw new Error(`${path} is empty`);
  if (!ended) throw new Error(`${path} ends before its last line: the backup is incomplete`);
}

/** A backup of other tables or columns than this build's is refused, not half restored. */
function checkTables(tables: { name: string; columns: string[] }[], fail: (message: string) => Error): void {
  const expected = JSON.stringify(STORE_TABLES.map(({ name, columns }) => ({ name, columns })));
  if (JSON.stringify(tables) !== expected) throw fail("its tables or columns are not the ones this build stores");
}

/** The text lines of a byte stream (UTF-8, split on \n). */
async function* lines(input: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of input) {
    const parts = (rest + decoder.write(chunk)).split("\n");
    rest = parts.pop() ?? "";
    yield* parts;
  }
  rest += decoder.end();
  if (rest) yield rest;
}
