// Small numbers helpers: medians, ratios and the way the report writes them.

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function min(values: readonly number[]): number {
  return values.length ? Math.min(...values) : NaN;
}

export function max(values: readonly number[]): number {
  return values.length ? Math.max(...values) : NaN;
}

/** 1234567 -> "1,234,567" */
export function int(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';
}

/** Bytes with the exact count and kB (1000 bytes, as FACTS.md and the targets count them). */
export function bytes(n: number): string {
  return Number.isFinite(n) ? `${int(n)} (${(n / 1000).toFixed(1)} kB)` : 'n/a';
}

export function signedBytes(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${int(Math.abs(n))}`;
}

export function ms(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  return n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(n < 10 ? 1 : 0)} ms`;
}

/** a / b as "2.3x" */
export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return 'n/a';
  const r = a / b;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}x`;
}

export function percent(n: number): string {
  return Number.isFinite(n) ? `${n >= 0 ? '+' : ''}${(n * 100).toFixed(1)}%` : 'n/a';
}

export function met(ok: boolean | undefined): string {
  return ok === undefined ? 'not measured' : ok ? '**met**' : '**missed**';
}
