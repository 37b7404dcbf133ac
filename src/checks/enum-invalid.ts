import type { Check, RawFinding, Severity } from '../model.js';
import { evidenceAt } from './lib/evidence.js';
import { asString, get } from './lib/nodes.js';
import { collectOverMaps, mapsMemo } from './lib/resource-walk.js';
import { configSections, pathShape, resourceOf, rulesPerShape } from './lib/references.js';

interface EnumRule {
  /** Matches the config path of the enclosing mapping (indexes removed, keys of named maps as `*`). */
  parent: RegExp;
  key: string;
  values: string[];
  severity?: Severity;
}

const PAUSE = ['PAUSED', 'UNPAUSED'];
const SOURCE = ['WORKSPACE', 'GIT'];
const TASK = String.raw`(?:^|\.)tasks(?:\.for_each_task\.task)?`;

const RULES: EnumRule[] = [
  { parent: new RegExp(`${TASK}$`), key: 'run_if', values: ['ALL_SUCCESS', 'ALL_DONE', 'NONE_FAILED', 'AT_LEAST_ONE_SUCCESS', 'ALL_FAILED', 'AT_LEAST_ONE_FAILED'] },
  { parent: /(?:^|\.)(notebook_task|spark_python_task|dbt_task|sql_task\.file)$/, key: 'source', values: SOURCE },
  { parent: /(?:^|\.)condition_task$/, key: 'op', values: ['EQUAL_TO', 'GREATER_THAN', 'GREATER_THAN_OR_EQUAL', 'LESS_THAN', 'LESS_THAN_OR_EQUAL', 'NOT_EQUAL'] },
  { parent: /(?:^|\.)(new_cluster|clusters\.\*|clusters)$/, key: 'runtime_engine', values: ['NULL', 'STANDARD', 'PHOTON'] },
  {
    parent: /(?:^|\.)(new_cluster|clusters\.\*|clusters)$/,
    key: 'data_security_mode',
    values: [
      'NONE', 'SINGLE_USER', 'USER_ISOLATION', 'LEGACY_TABLE_ACL', 'LEGACY_PASSTHROUGH', 'LEGACY_SINGLE_USER',
      'LEGACY_SINGLE_USER_STANDARD', 'DATA_SECURITY_MODE_STANDARD', 'DATA_SECURITY_MODE_DEDICATED', 'DATA_SECURITY_MODE_AUTO',
    ],
  },
  { parent: /(?:^|\.)aws_attributes$/, key: 'availability', values: ['SPOT', 'ON_DEMAND', 'SPOT_WITH_FALLBACK'] },
  { parent: /(?:^|\.)aws_attributes$/, key: 'ebs_volume_type', values: ['GENERAL_PURPOSE_SSD', 'THROUGHPUT_OPTIMIZED_HDD'] },
  { parent: /(?:^|\.)azure_attributes$/, key: 'availability', values: ['SPOT_AZURE', 'ON_DEMAND_AZURE', 'SPOT_WITH_FALLBACK_AZURE'] },
  { parent: /(?:^|\.)gcp_attributes$/, key: 'availability', values: ['PREEMPTIBLE_GCP', 'ON_DEMAND_GCP', 'PREEMPTIBLE_WITH_FALLBACK_GCP'] },
  { parent: /^resources\.jobs\.\*\.(schedule|trigger|continuous)$/, key: 'pause_status', values: PAUSE },
  { parent: /^resources\.jobs\.\*$/, key: 'edit_mode', values: ['UI_LOCKED', 'EDITABLE'] },
  { parent: /^resources\.jobs\.\*$/, key: 'performance_target', values: ['PERFORMANCE_OPTIMIZED', 'STANDARD'] },
  { parent: /^resources\.volumes\.\*$/, key: 'volume_type', values: ['MANAGED', 'EXTERNAL'] },
  { parent: /^resources\.vector_search_endpoints\.\*$/, key: 'endpoint_type', values: ['STANDARD', 'STORAGE_OPTIMIZED'] },
  { parent: /^resources\.secret_scopes\.\*\.permissions$/, key: 'level', values: ['READ', 'WRITE', 'MANAGE'] },
  { parent: /^resources\.jobs\.\*\.permissions$/, key: 'level', values: ['CAN_MANAGE', 'CAN_MANAGE_RUN', 'CAN_VIEW', 'IS_OWNER'] },
  { parent: /^resources\.pipelines\.\*\.permissions$/, key: 'level', values: ['CAN_MANAGE', 'CAN_RUN', 'CAN_VIEW', 'IS_OWNER'] },
  { parent: /^resources\.experiments\.\*\.permissions$/, key: 'level', values: ['CAN_MANAGE', 'CAN_EDIT', 'CAN_READ'] },
  { parent: /^permissions$/, key: 'level', values: ['CAN_MANAGE', 'CAN_VIEW', 'CAN_RUN'] },
  { parent: /^presets$/, key: 'trigger_pause_status', values: PAUSE },
  { parent: /^bundle$/, key: 'engine', values: ['terraform', 'direct'] },
  { parent: /^artifacts\.\*$/, key: 'type', values: ['whl', 'jar'] },
  { parent: /^artifacts\.\*$/, key: 'executable', values: ['bash', 'sh', 'cmd'] },
];

const rulesFor = rulesPerShape(RULES, (rule, shape) => rule.parent.test(shape));

const enumMemo = mapsMemo<RawFinding>();

export const enumInvalid: Check = {
  id: 'enum-invalid',
  category: 'Bundle Configuration',
  severity: 'medium',
  effortHours: 0.1,
  title: 'Enumerated settings use valid values',
  successMessage: 'Every enumerated setting (run_if, source, cluster modes, pause status, permission levels, ...) has a valid value.',
  docs: `Fields with a fixed set of values (task \`run_if\`, notebook \`source\`, \`runtime_engine\`,
\`data_security_mode\`, cloud \`availability\`, \`volume_type\`, \`pause_status\`, permission \`level\`,
\`bundle.engine\`, ...) are checked by \`bundle validate\`: \`Warning: invalid value "VIEW" for enum field.
Valid values are [READ WRITE MANAGE]\`. The warning does not stop validate, but the Jobs/UC API rejects
the value when the bundle is deployed. Values containing \${...} are not checked.
Fix: use one of the listed values.
Reference: https://docs.databricks.com/dev-tools/cli/bundle-commands#validate ; https://github.com/databricks/cli/blob/main/bundle/internal/validation/generated/enum_fields.go`,
  breaksDeploy: true,
  run(bundle, target) {
    const findings: RawFinding[] = [];
    for (const [section, node] of configSections(target)) collectOverMaps(enumMemo, bundle, node, section, ({ map, path }) => {
      const found: RawFinding[] = [];
      for (const rule of rulesFor(pathShape(path))) {
        const node = map.entries.get(rule.key);
        const value = asString(node);
        if (!node || value === undefined || value.includes('${') || rule.values.includes(value)) continue;
        const resource = resourceOf(path);
        found.push({
          check: 'enum-invalid',
          ...(rule.severity ? { severity: rule.severity } : {}),
          message: `invalid value "${value}" for enum field. Valid values are [${rule.values.join(' ')}] (at ${path}.${rule.key})`,
          loc: node.loc,
          ...(resource ? { resources: [resource] } : {}),
          evidence: evidenceAt(bundle, node.loc, 0, 0),
          impact: 'The API rejects the value when the bundle is deployed.',
          fix: { text: `Set ${rule.key} to one of ${rule.values.join(', ')}.` },
        });
      }
      return found;
    }, findings);
    const modeNode = get(bundle.base, 'targets', target.name, 'mode');
    const mode = asString(modeNode);
    if (modeNode && mode !== undefined && !mode.includes('${') && mode !== 'development' && mode !== 'production') {
      findings.push({
        check: 'enum-invalid',
        severity: 'critical',
        message: `unsupported value '${mode}' specified for 'mode': must be either 'development' or 'production'`,
        loc: modeNode.loc,
        evidence: evidenceAt(bundle, modeNode.loc, 0, 0),
        impact: `\`bundle validate\` and \`bundle deploy\` fail for target ${target.name}.`,
        fix: { text: 'Set `mode: development` or `mode: production` (or remove it).' },
      });
    }
    return findings;
  },
};
