// Small numbers helpers: medians, ratios and the way the report writes them.

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The q-quantile (0..1) with linear interpolation between the two nearest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
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

export type Verdict = 'met' | 'missed' | 'inconclusive' | 'not measured';

export function verdictOf(ok: boolean | undefined): Verdict {
  return ok === undefined ? 'not measured' : ok ? 'met' : 'missed';
}

/**
 * A target judged by several statistics of the same comparison (say the ratio of the
 * medians and the quartiles of the per-round ratios): met when every one meets it, missed
 * when none does, inconclusive when they disagree, so noise never reads as a finding.
 */
export function judge(statistics: readonly number[], meets: (value: number) => boolean): Verdict {
  const finite = statistics.filter(Number.isFinite);
  if (finite.length === 0) return 'not measured';
  const meeting = finite.filter(meets).length;
  return meeting === finite.length ? 'met' : meeting === 0 ? 'missed' : 'inconclusive';
}

export function showVerdict(v: Verdict): string {
  return v === 'not measured' ? v : `**${v}**`;
}

/** Per-round ratios summarised: their median, interquartile range and range. */
export interface Spread {
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
  n: number;
}

export function spreadOf(values: readonly number[]): Spread {
  return { median: median(values), q1: quantile(values, 0.25), q3: quantile(values, 0.75), min: min(values), max: max(values), n: values.length };
}

/** "2.91x (IQR 2.70–3.05x, range 2.10–3.40x, 12 rounds)" */
export function showSpread(s: Spread, unit = 'x', digits = 2): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
  return `${f(s.median)}${unit} (IQR ${f(s.q1)}–${f(s.q3)}${unit}, range ${f(s.min)}–${f(s.max)}${unit}, ${s.n} rounds)`;
}
