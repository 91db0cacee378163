/**
 * Checks a `--date` flag's form (YYYY-MM-DD) and says how to write it; the
 * paper schema checks later that the day exists. Undefined stays undefined.
 */
export function checkDateFlag<T extends string | undefined>(date: T): T {
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new Error(`--date \`${date}\` is not YYYY-MM-DD; write the day like --date 2025-08-27`);
  return date;
}
