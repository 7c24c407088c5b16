import { getMetadataStorage } from 'class-validator';

/**
 * class-validator looks up a class's rules afresh for every object it validates, and each lookup
 * walks every class the application has declared (an `instanceof` per class, for inherited rules).
 * A schedule pre-check validates nine objects (the submission, the week, seven intervals): the
 * lookups were a quarter of its validation (107 → 80 µs per pre-check, measured in-process; issue 14).
 * The rules of a class only change when a decorator runs, that is while modules load: so the answer
 * is kept per class and options until the next rule is declared, when every kept answer is dropped.
 *
 * The kept lists are shared between validations. Their readers (class-validator's executor, Nest's
 * ValidationPipe) only read them; they are not frozen because V8 filters frozen arrays far slower.
 * This reaches into class-validator's metadata storage (methods it calls on itself); the spec fails
 * if a version changes them, and validation goes on uncached if the methods are missing.
 */
type Lookup = (target: unknown, schema: string | undefined, always: boolean, strictGroups: boolean, groups?: string[]) => unknown[];
type Grouping = (metadata: unknown[]) => Record<string, unknown[]>;

interface Storage {
  getTargetValidationMetadatas: Lookup;
  groupByPropertyName: Grouping;
  addValidationMetadata: (metadata: unknown) => void;
  addConstraintMetadata: (metadata: unknown) => void;
}

const INSTALLED = Symbol.for('standards-monitor.validation-metadata-cache');

/** Installs the cache once per process (idempotent). Returns false when the storage does not look as expected. */
export function cacheValidationMetadata(): boolean {
  const storage = getMetadataStorage() as unknown as Storage & { [INSTALLED]?: true };
  if (storage[INSTALLED]) return true;
  const methods = ['getTargetValidationMetadatas', 'groupByPropertyName', 'addValidationMetadata', 'addConstraintMetadata'] as const;
  if (!methods.every((m) => typeof storage[m] === 'function')) return false;

  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const addValidation = storage.addValidationMetadata.bind(storage);
  const addConstraint = storage.addConstraintMetadata.bind(storage);
  let lookups = new Map<unknown, Map<string, unknown[]>>();
  let groupings = new WeakMap<unknown[], Record<string, unknown[]>>();
  const forget = () => {
    lookups = new Map();
    groupings = new WeakMap();
  };

  storage.addValidationMetadata = (metadata) => {
    forget();
    addValidation(metadata);
  };
  storage.addConstraintMetadata = (metadata) => {
    forget();
    addConstraint(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema ?? ''}\u0000${always ? 1 : 0}${strictGroups ? 1 : 0}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = lookups.get(target);
    if (!byOptions) lookups.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  // The executor groups the (now shared) list by property for every object: kept alongside it.
  storage.groupByPropertyName = (metadata) => {
    let grouped = groupings.get(metadata);
    if (!grouped) {
      grouped = group(metadata);
      groupings.set(metadata, grouped);
    }
    return grouped;
  };
  storage[INSTALLED] = true;
  return true;
}
