// Replace the shipped bundle JSON Schema with a newer one from the Databricks CLI.
//
//   node scripts/refresh-schema.mjs <path to jsonschema.json> --commit <sha> --cli-version <x.y.z> --date <yyyy-mm-dd>
//
// The file is `bundle/schema/jsonschema.json` of github.com/databricks/cli at that commit (or what
// `databricks bundle schema` prints for that version). It is checked for the shape dab-ready reads
// ($defs, properties of the root, resource types), copied unchanged, and provenance.json records
// where it came from. Run the tests afterwards: new fields and enums take effect at once.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { commit: { type: 'string' }, 'cli-version': { type: 'string' }, date: { type: 'string' } },
});
const [source] = positionals;
if (!source || !values.commit || !values['cli-version'] || !values.date) {
  console.error('usage: node scripts/refresh-schema.mjs <jsonschema.json> --commit <sha> --cli-version <x.y.z> --date <yyyy-mm-dd>');
  process.exit(2);
}
if (!/^[0-9a-f]{7,40}$/.test(values.commit)) fail(`--commit ${values.commit} is not a git commit id`);
if (!/^\d+\.\d+\.\d+/.test(values['cli-version'])) fail(`--cli-version ${values['cli-version']} is not a version`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) fail(`--date ${values.date} is not yyyy-mm-dd`);

const bytes = readFileSync(source);
let schema;
try {
  schema = JSON.parse(bytes.toString('utf8'));
} catch (error) {
  fail(`${source} is not JSON: ${error.message}`);
}
const resources = schema?.$defs?.['github.com']?.databricks?.cli?.bundle?.['config.Resources'];
const resourceProps = resources?.oneOf?.[0]?.properties ?? resources?.properties;
if (!schema?.$defs || !schema.properties?.resources || !schema.properties?.targets || !resourceProps?.jobs) {
  fail(`${source} does not look like the bundle schema of the Databricks CLI ($defs, properties.resources/targets, config.Resources.jobs)`);
}

writeFileSync(path.join(dir, 'databricks-bundle.schema.json'), bytes);
const provenancePath = path.join(dir, 'provenance.json');
const provenance = JSON.parse(readFileSync(provenancePath, 'utf8'));
Object.assign(provenance, {
  source: `https://github.com/databricks/cli/blob/${values.commit}/bundle/schema/jsonschema.json`,
  commit: values.commit,
  commitDate: values.date,
  cliVersion: values['cli-version'],
  sha256: createHash('sha256').update(bytes).digest('hex'),
});
writeFileSync(provenancePath, `${JSON.stringify(provenance, null, 2)}\n`);
console.log(`schema/databricks-bundle.schema.json: CLI ${values['cli-version']} (${values.commit.slice(0, 7)}), ${Object.keys(resourceProps).length} resource types`);

function fail(message) {
  console.error(message);
  process.exit(1);
}
