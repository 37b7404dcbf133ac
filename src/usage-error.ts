/** A problem with how dab-ready was asked to run (no bundle, unknown target): exit code 2. */
export class UsageError extends Error {}
