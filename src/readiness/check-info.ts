import { describeCheck } from '../checks/catalog.js';
import { checks as registry } from '../checks/index.js';
import type { Category, Check, Severity } from '../model.js';

/** What the readiness and report code needs to know about a check. */
export interface CheckInfo extends Pick<Check, 'id' | 'category' | 'severity' | 'effortHours' | 'title' | 'successMessage' | 'docs'> {
  /** Position in the registry (report order); unknown checks sort after every known one. */
  order: number;
  known: boolean;
}

export const UNKNOWN_CHECK_CATEGORY: Category = 'Bundle Configuration';
export const UNKNOWN_CHECK_EFFORT_HOURS = 0.5;

/** Looks checks up in a registry (the real one unless a test or caller passes another). An id the
 *  registry does not know (a load notice such as `config-invalid`, a check still being written)
 *  gets defaults instead of failing the report. */
export class CheckCatalog {
  private readonly byId = new Map<string, CheckInfo>();

  constructor(
    readonly checks: readonly Check[] = registry,
    /** Docs for ids that are not registry checks (verify/validate findings). */
    private readonly documented: (id: string) => Check | undefined = () => undefined,
  ) {
    checks.forEach((c, order) => {
      if (!this.byId.has(c.id)) {
        this.byId.set(c.id, {
          id: c.id,
          category: c.category,
          severity: c.severity,
          effortHours: c.effortHours,
          title: c.title,
          successMessage: c.successMessage,
          docs: c.docs,
          order,
          known: true,
        });
      }
    });
  }

  info(id: string, severity: Severity = 'medium'): CheckInfo {
    const documented = this.byId.has(id) ? undefined : this.documented(id);
    if (documented) return { ...documented, order: Number.MAX_SAFE_INTEGER - 1, known: true };
    return (
      this.byId.get(id) ?? {
        id,
        category: unknownCategory(id),
        severity,
        effortHours: UNKNOWN_CHECK_EFFORT_HOURS,
        title: humanizeCheckId(id),
        successMessage: `No ${id} findings`,
        docs: '',
        order: Number.MAX_SAFE_INTEGER,
        known: false,
      }
    );
  }

  /** Known checks in registry order. */
  all(): CheckInfo[] {
    return [...this.byId.values()];
  }
}

/** Findings from real runs (verify) carry ids that are not registry checks. */
function unknownCategory(id: string): Category {
  return /^(bundle-validate|wheel-build|wheel-inspect)|-smoke-failed$/.test(id) ? 'Verification' : UNKNOWN_CHECK_CATEGORY;
}

export function humanizeCheckId(id: string): string {
  const words = id.split(/[-_]+/).filter(Boolean).join(' ');
  return words ? words[0].toUpperCase() + words.slice(1) : id;
}

let defaultCatalog: CheckCatalog | undefined;

/** The catalog for `checks` (the registry when omitted: built once, the registry is filled at import). */
export function catalogFor(checks?: readonly Check[]): CheckCatalog {
  if (checks) return new CheckCatalog(checks);
  defaultCatalog ??= new CheckCatalog(registry, describeCheck);
  return defaultCatalog;
}
