// Compile the CLI's bundle JSON Schema (schema/databricks-bundle.schema.json) into SchemaTypes:
// `$ref`s resolved once (recursive types such as a task inside for_each_task share one object),
// `oneOf [object, "${var...}" string]` read as the object (the CLI accepts a pure reference in
// place of any typed value), SDK enums listed as `bundle validate` prints them (sorted).
import schemaJson from '../../schema/databricks-bundle.schema.json' with { type: 'json' };
import provenanceJson from '../../schema/provenance.json' with { type: 'json' };
import { CLI_ENUMS, INTERNAL_FIELDS, READ_ONLY_FIELDS, RESOURCE_INTERNAL_FIELDS } from './supplements.js';
import { ANY, type FieldInfo, type MapType, type SchemaType, type StructType } from './types.js';

type Json = { [key: string]: unknown };

export interface SchemaProvenance {
  commit: string;
  commitDate: string;
  cliVersion: string;
  source: string;
}

export const schemaProvenance: SchemaProvenance = provenanceJson;

export interface CompiledSchema {
  root: StructType;
  /** Resource type (`jobs`) -> the struct of one resource. */
  resources: Map<string, StructType>;
}

let compiled: CompiledSchema | undefined;

/** The compiled schema (compiled on first use, once per process). */
export function bundleSchema(): CompiledSchema {
  compiled ??= compileSchema(schemaJson as unknown as Json);
  return compiled;
}

export function compileSchema(doc: Json): CompiledSchema {
  const defs = doc.$defs as Json;
  const byRef = new Map<string, SchemaType>();

  const resolve = (ref: string): Json => {
    if (!ref.startsWith('#/$defs/')) throw new Error(`unsupported $ref ${ref}`);
    let node: unknown = defs;
    for (const part of ref.slice('#/$defs/'.length).split('/')) {
      node = (node as Json | undefined)?.[part];
      if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
    }
    return node as Json;
  };
  const defName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

  const fromRef = (ref: string): SchemaType => {
    const known = byRef.get(ref);
    if (known) return known;
    const def = resolve(ref);
    const name = defName(ref);
    const shape = typedAlternative(def);
    if (shape?.type === 'object' && shape.properties) {
      // Registered before its fields are compiled: recursive types refer to this same object.
      const struct: StructType = { kind: 'struct', name, fields: new Map(), required: [] };
      byRef.set(ref, struct);
      fillStruct(struct, shape);
      return struct;
    }
    const type = compile(def, ref);
    byRef.set(ref, type);
    return type;
  };

  const fillStruct = (struct: StructType, shape: Json): void => {
    for (const [key, prop] of Object.entries(shape.properties as Record<string, Json>)) {
      const field: FieldInfo = { type: compile(prop) };
      if (prop.deprecated === true) field.deprecated = typeof prop.deprecationMessage === 'string' ? prop.deprecationMessage : 'This field is deprecated';
      struct.fields.set(key, field);
    }
    struct.required = Array.isArray(shape.required) ? (shape.required as string[]) : [];
    for (const key of INTERNAL_FIELDS[struct.name] ?? []) if (!struct.fields.has(key)) struct.fields.set(key, { type: ANY, internal: true });
    for (const key of READ_ONLY_FIELDS[struct.name] ?? []) struct.fields.set(key, { type: ANY, readOnly: 'computed and read-only' });
  };

  const compile = (node: Json, ownRef?: string): SchemaType => {
    if (typeof node.$ref === 'string') return fromRef(node.$ref);
    const shape = typedAlternative(node);
    if (!shape) return ANY;
    switch (shape.type) {
      case 'object': {
        if (shape.properties) {
          const struct: StructType = { kind: 'struct', name: ownRef ? defName(ownRef) : 'object', fields: new Map(), required: [] };
          fillStruct(struct, shape);
          return struct;
        }
        const value = shape.additionalProperties;
        return { kind: 'map', value: value && typeof value === 'object' ? compile(value as Json) : ANY };
      }
      case 'array':
        return { kind: 'seq', item: shape.items && typeof shape.items === 'object' ? compile(shape.items as Json) : ANY };
      case 'string': {
        const values = Array.isArray(shape.enum) ? (shape.enum as string[]) : ownRef ? CLI_ENUMS[defName(ownRef)] : undefined;
        if (!values) return { kind: 'string' };
        // bundle/internal/validation lists SDK enum values sorted, the CLI's own in declaration order.
        const sorted = Array.isArray(shape.enum) && ownRef?.includes('/databricks-sdk-go/') ? [...values].sort() : values;
        return { kind: 'string', enum: sorted };
      }
      case 'boolean':
        return { kind: 'bool' };
      case 'integer':
        return { kind: 'int' };
      case 'number':
        return { kind: 'float' };
      default:
        return ANY;
    }
  };

  const root: StructType = { kind: 'struct', name: 'config.Root', fields: new Map(), required: [] };
  // The schema leaves the top level open (additionalProperties: {}) for YAML anchor holders; the
  // CLI warns `unknown field` there like anywhere else (anchored values excepted).
  fillStruct(root, doc);

  const resources = new Map<string, StructType>();
  const resourcesType = root.fields.get('resources')?.type;
  if (resourcesType?.kind === 'struct') {
    for (const [type, field] of resourcesType.fields) {
      const value = field.type.kind === 'map' ? field.type.value : undefined;
      if (value?.kind !== 'struct') continue;
      for (const key of RESOURCE_INTERNAL_FIELDS) if (!value.fields.has(key)) value.fields.set(key, { type: ANY, internal: true });
      resources.set(type, value);
    }
  }
  markVariableShorthand(root);
  return { root, resources };
}

/**
 * The alternative that says what the value is: `{type: object|array|string|...}` of a `oneOf`
 * (the other alternatives are `${...}` reference patterns), or the node itself. `{}` and an
 * `anyOf` with `{}` accept anything.
 */
function typedAlternative(node: Json): Json | undefined {
  if (Array.isArray(node.anyOf)) return undefined;
  if (Array.isArray(node.oneOf)) {
    const alternatives = node.oneOf as Json[];
    return alternatives.find((a) => a.type !== 'string' || a.pattern === undefined) ?? alternatives[0];
  }
  return typeof node.type === 'string' ? node : undefined;
}

/** `variables.<name>` and `targets.<t>.variables.<name>`: a scalar value is `{default: value}` (config/root.go rewriteShorthands). */
function markVariableShorthand(root: StructType): void {
  const mark = (type: SchemaType | undefined) => {
    if (type?.kind === 'map') (type as MapType).shorthand = 'variable';
  };
  mark(root.fields.get('variables')?.type);
  const targets = root.fields.get('targets')?.type;
  if (targets?.kind === 'map' && targets.value.kind === 'struct') mark(targets.value.fields.get('variables')?.type);
}
