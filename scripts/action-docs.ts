// The README's inputs and outputs tables, generated from action.yml so they cannot drift:
// `npm run docs` rewrites them, a test holds them equal.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

interface ActionYml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
}

export const START = '<!-- action-docs:start (generated from action.yml by npm run docs) -->';
export const END = '<!-- action-docs:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => (text === '' ? '' : `\`${text}\``);

export function renderTables(actionYml: string): string {
  const action = parse(actionYml) as ActionYml;
  return [
    '### Inputs',
    '',
    '| input | default | description |',
    '| --- | --- | --- |',
    ...Object.entries(action.inputs).map(([name, i]) => `| \`${name}\` | ${cell(code(i.default ?? ''))} | ${cell(i.description)} |`),
    '',
    '### Outputs',
    '',
    '| output | description |',
    '| --- | --- |',
    ...Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`),
  ].join('\n');
}

export function replaceSection(readme: string, tables: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} ... ${END} section`);
  return `${readme.slice(0, start + START.length)}\n${tables}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../', import.meta.url);
  const readme = new URL('README.md', root);
  const updated = replaceSection(await readFile(readme, 'utf8'), renderTables(await readFile(new URL('action.yml', root), 'utf8')));
  await writeFile(readme, updated);
}
