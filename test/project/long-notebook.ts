import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const notebooks = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'readers', 'notebooks');

/** A fixture notebook read from test/fixtures/readers/notebooks. */
export function readNotebook(name: string): string {
  return fs.readFileSync(path.join(notebooks, name), 'utf8');
}

/** 03_vector_search.py with 25 cells of filler (no import) after it: a ~270-line notebook. */
export function longNotebook(): string {
  const filler = [
    'df = spark.table(f"{catalog}.{schema}.records")',
    'df = df.withColumn("name_clean", F.lower(F.col("name")))',
    '# clean up the names before matching',
    'display(df.limit(10))',
    'result = (df.groupBy("id").agg(F.count("*").alias("n")))',
    '',
    '# COMMAND ----------',
    '',
  ].join('\n');
  return readNotebook('03_vector_search.py') + '\n' + Array.from({ length: 25 }, () => filler).join('\n');
}
