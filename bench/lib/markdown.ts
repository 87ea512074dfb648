// Markdown tables for the report: numbers right-aligned, everything else left.

export type Cell = string | number;

export function table(headers: readonly string[], rows: readonly (readonly Cell[])[], rightAligned: readonly number[] = []): string {
  const right = new Set(rightAligned);
  const escape = (c: Cell) => String(c).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    `| ${headers.map(escape).join(' | ')} |`,
    `| ${headers.map((_, i) => (right.has(i) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ];
  return lines.join('\n');
}
