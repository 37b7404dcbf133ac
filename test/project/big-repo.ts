import { writeRepo } from './loader-helpers.js';

/** 2,000 jobs with 5 tasks each over 286 resource files (7 a file), three targets that override some jobs. */
export function bigRepo(): string {
  const files: Record<string, string> = {};
  const jobsPerFile = Math.ceil(2000 / 300);
  let jobIndex = 0;
  for (let f = 0; f < 300 && jobIndex < 2000; f++) {
    const lines = ['resources:', '  jobs:'];
    for (let j = 0; j < jobsPerFile && jobIndex < 2000; j++, jobIndex++) {
      lines.push(`    job_${jobIndex}:`, `      name: job ${jobIndex} \${bundle.target}`, '      tasks:');
      for (let t = 0; t < 5; t++) {
        lines.push(
          `        - task_key: t${t}`,
          `          notebook_task: {notebook_path: ../src/nb_${t}.py, base_parameters: {catalog: "\${var.catalog}"}}`,
          '          libraries:',
          '            - whl: ../dist/*.whl',
        );
      }
    }
    files[`resources/r${String(f).padStart(3, '0')}.yml`] = lines.join('\n') + '\n';
  }
  const targets = ['dev', 'staging', 'prod'].map((t) => {
    const overrides = Array.from({ length: 200 }, (_, i) => `        job_${i * 10}:\n          tasks:\n            - task_key: t0\n              libraries: [{pypi: {package: x}}]`).join('\n');
    return `  ${t}:\n    resources:\n      jobs:\n${overrides}`;
  });
  files['databricks.yml'] = `bundle:\n  name: big\ninclude:\n  - resources/*.yml\nvariables:\n  catalog:\n    default: main\ntargets:\n${targets.join('\n')}\n`;
  return writeRepo(files);
}
