// The Databricks CLI's bundle JSON Schema compiled into the types its loader normalises values to
// (libs/dyn/convert): a struct with known fields, a map, a sequence, a string (maybe an enum), a
// bool, an int, a float, or anything. Compiled once per process from schema/databricks-bundle.schema.json.

export type SchemaType = StructType | MapType | SeqType | StringType | BoolType | IntType | FloatType | AnyType;

export interface StructType {
  kind: 'struct';
  /** The schema definition it comes from, e.g. `resources.Job` or `jobs.Task`. */
  name: string;
  fields: Map<string, FieldInfo>;
  /** Fields `bundle validate` warns about when they are missing (`required field "x" is not set`). */
  required: readonly string[];
}

export interface FieldInfo {
  type: SchemaType;
  /** The schema's deprecation message, for a deprecated field. */
  deprecated?: string;
  /** Fields the CLI computes itself; setting one is an error (see supplements.ts). */
  readOnly?: string;
  /** Accepted by the CLI's types but left out of the schema (read-only or internal): no finding. */
  internal?: boolean;
}

export interface MapType {
  kind: 'map';
  value: SchemaType;
  /** `variables.<name>`: a scalar (or a list) stands for `{default: <value>}` (the CLI's shorthand). */
  shorthand?: 'variable';
}

export interface SeqType {
  kind: 'seq';
  item: SchemaType;
}

export interface StringType {
  kind: 'string';
  enum?: readonly string[];
}

export interface BoolType {
  kind: 'bool';
}

export interface IntType {
  kind: 'int';
}

export interface FloatType {
  kind: 'float';
}

export interface AnyType {
  kind: 'any';
}

export const ANY: AnyType = { kind: 'any' };
