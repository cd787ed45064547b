// duckdb-check.mjs FILE.parquet WANT_ROWS: opens a Parquet file with DuckDB
// (npm package @duckdb/node-api) and checks its row count and columns.
import { DuckDBInstance } from '@duckdb/node-api';

const [file, want] = process.argv.slice(2);
if (!file || want === undefined) {
  console.error('usage: node duckdb-check.mjs FILE.parquet WANT_ROWS');
  process.exit(2);
}
const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();
const quoted = "'" + file.replaceAll("'", "''") + "'";
const count = await conn.runAndReadAll(`SELECT COUNT(*) FROM read_parquet(${quoted})`);
const n = Number(count.getRows()[0][0]);
const cols = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${quoted})`);
const names = cols.getRows().map((r) => r[0]);
for (const c of ['doc_id', 'code', 'root', 'source_actor', 'target_actor', 'date', 'sentence']) {
  if (!names.includes(c)) {
    console.error(`duckdb-check: column ${c} missing from ${file} (has ${names.join(', ')})`);
    process.exit(1);
  }
}
if (n !== Number(want)) {
  console.error(`duckdb-check: DuckDB reads ${n} rows from ${file}, want ${want}`);
  process.exit(1);
}
console.log(`duckdb-check: DuckDB reads ${file}: ${n} rows, ${names.length} columns, as expected`);
