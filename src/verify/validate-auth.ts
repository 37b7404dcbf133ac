import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MapNode, Node, TargetView } from '../model.js';

// Whether `databricks bundle validate` can authenticate for a target, decided without a network
// call (reference §11: unified auth env vars, .databrickscfg profiles, GitHub OIDC; the bundle's
// workspace.host/profile win over the environment).

export interface CredentialVerdict {
  ok: boolean;
  /** What was found (`DATABRICKS_HOST`, `profile dev in ~/.databrickscfg`, `github-oidc`). Never a value. */
  source?: string;
}

export const NO_CREDENTIALS_HINT =
  'no Databricks credentials (set DATABRICKS_HOST with DATABRICKS_TOKEN or DATABRICKS_CLIENT_ID/DATABRICKS_CLIENT_SECRET, ' +
  'or DATABRICKS_CONFIG_PROFILE with a ~/.databrickscfg profile, or GitHub OIDC: DATABRICKS_AUTH_TYPE=github-oidc with id-token: write)';

export function detectCredentials(target: TargetView | undefined, env: NodeJS.ProcessEnv): CredentialVerdict {
  const workspace = target ? mapAt(target.config, 'workspace') : undefined;
  const bundleHost = literal(scalarAt(workspace, 'host'));
  const bundleProfile = literal(scalarAt(workspace, 'profile'));
  const configFile = env.DATABRICKS_CONFIG_FILE || (env.HOME ? path.join(env.HOME, '.databrickscfg') : undefined);
  const profiles = configFile ? readProfiles(configFile) : new Map<string, Map<string, string>>();
  const configLabel = env.DATABRICKS_CONFIG_FILE ? 'DATABRICKS_CONFIG_FILE' : '~/.databrickscfg';

  const profileName = bundleProfile ?? nonEmpty(env.DATABRICKS_CONFIG_PROFILE);
  if (profileName) {
    return profiles.has(profileName) ? { ok: true, source: `profile ${profileName} in ${configLabel}` } : { ok: false };
  }
  const host = bundleHost ?? nonEmpty(env.DATABRICKS_HOST);
  if (env.DATABRICKS_AUTH_TYPE === 'github-oidc' && nonEmpty(env.ACTIONS_ID_TOKEN_REQUEST_URL) && host) {
    return { ok: true, source: 'github-oidc' };
  }
  const tokenInEnv = nonEmpty(env.DATABRICKS_TOKEN) || (nonEmpty(env.DATABRICKS_CLIENT_ID) && nonEmpty(env.DATABRICKS_CLIENT_SECRET));
  if (bundleHost && tokenInEnv) return { ok: true, source: 'workspace.host with a token in the environment' };
  if (nonEmpty(env.DATABRICKS_HOST) && !bundleHost) return { ok: true, source: 'DATABRICKS_HOST' };
  if (bundleHost) {
    for (const [name, p] of profiles) {
      if (sameHost(p.get('host'), bundleHost)) return { ok: true, source: `profile ${name} in ${configLabel} (host match)` };
    }
    return { ok: false };
  }
  if (profiles.has('DEFAULT') && profiles.get('DEFAULT')!.has('host')) return { ok: true, source: `profile DEFAULT in ${configLabel}` };
  return { ok: false };
}

function readProfiles(file: string): Map<string, Map<string, string>> {
  const profiles = new Map<string, Map<string, string>>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return profiles;
  }
  let current: Map<string, string> | undefined;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (section) {
      current = new Map();
      profiles.set(section[1].trim(), current);
      continue;
    }
    const kv = /^\s*([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (kv && current) current.set(kv[1].toLowerCase(), kv[2]);
  }
  return profiles;
}

function sameHost(a: string | undefined, b: string): boolean {
  const norm = (h: string) => h.trim().replace(/^https?:\/\//, '').replace(/\/+$/, '').toLowerCase();
  return a !== undefined && norm(a) === norm(b);
}

function nonEmpty(v: string | undefined): string | undefined {
  return v && v.trim() !== '' ? v : undefined;
}

/** Interpolated auth fields do not work (reference §3), so only a literal counts. */
function literal(v: string | undefined): string | undefined {
  return v && !v.includes('${') ? v : undefined;
}

function mapAt(node: MapNode | undefined, key: string): MapNode | undefined {
  const v: Node | undefined = node?.entries.get(key);
  return v?.kind === 'map' ? v : undefined;
}

function scalarAt(node: MapNode | undefined, key: string): string | undefined {
  const v = node?.entries.get(key);
  return v?.kind === 'scalar' && v.value !== null && v.value !== '' ? String(v.value) : undefined;
}
