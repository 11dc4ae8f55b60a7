// The DuckDB peer of the benchmark: read_csv of the billing lines, LEFT JOIN with the code
// values, GROUP BY provider (prestations, key value in hundredths, unvalued quantity), the
// same work as `inami mvalues`. Needs @duckdb/node-api (NODE_PATH may point at its
// node_modules). Prints the provider count and the key-value total in units, as py_totals.py.
// Usage: node duckdb_totals.js billing.csv codes.csv
const { DuckDBInstance } = require('@duckdb/node-api');

async function main() {
	const [lines, codes] = process.argv.slice(2);
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	const q = (s) => "'" + s.replace(/'/g, "''") + "'";
	const result = await con.runAndReadAll(`
		SELECT l.provider, SUM(l.quantity) AS prestations,
		       SUM(l.quantity * c.value) AS value,
		       SUM(CASE WHEN c.code IS NULL THEN l.quantity ELSE 0 END) AS unvalued
		FROM read_csv(${q(lines)}, header = true,
		              columns = {'provider': 'VARCHAR', 'code': 'INTEGER', 'quantity': 'INTEGER', 'date': 'DATE'}) l
		LEFT JOIN read_csv(${q(codes)}, header = true,
		                   columns = {'code': 'INTEGER', 'value': 'BIGINT'}) c ON c.code = l.code
		GROUP BY l.provider`);
	const rows = result.getRows();
	let total = 0n;
	for (const r of rows)
		total += BigInt(r[2] ?? 0);
	console.log(rows.length, (total / 100n).toString());
}

main().catch((e) => { console.error(e); process.exit(1); });
