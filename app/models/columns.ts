/**
 * A model's one column projection, narrowed: a select that needs a few of a table's columns picks them from the
 * model's `…Columns` (by name, so a renamed column is renamed once) instead of writing its own list.
 */
export function pickColumns<T extends object, const K extends keyof T>(columns: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = columns[key];
  return picked;
}
