// The README's troubleshooting table covers every message a user can meet: each Failure in
// src/ (and each input message, `input "X": ...`) has its opening words in the table's first
// column. When a message is added or reworded, this test prints its file, line and opening:
// add or fix that row (placeholders in CAPS, e.g. `source URL is N bytes, over the limit`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { REPO } from '../helpers/entries.js';

/** Words (with a letter or digit) of a message's opening that the table must show; placeholders match any text. */
const OPENING_WORDS = 4;

export interface Message {
  where: string;
  /** The literal text with `…` for each placeholder, as far as the opening goes. */
  opening: string;
  pattern: RegExp;
  /** Messages that say the failure is a bug need only the table's row for bugs. */
  bug: boolean;
}

/** A message's literal pieces between placeholders, or undefined when it is not a literal. */
function pieces(node: ts.Node): string[] | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = pieces(node.left) ?? [''];
    const right = pieces(node.right) ?? [''];
    return [...left.slice(0, -1), `${left.at(-1) ?? ''}${right[0] ?? ''}`, ...right.slice(1)];
  }
  // `...`.trim() and the like
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) return pieces(node.expression.expression);
  return undefined;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The opening of a message: literal pieces up to OPENING_WORDS words, placeholders as `…`. */
export function messageOf(where: string, parts: string[]): Message | undefined {
  const full = parts.join('…');
  const opening: string[] = [];
  let words = 0;
  for (const [i, part] of parts.entries()) {
    if (i > 0) opening.push('…');
    const tokens = part.split(/(\s+)/);
    let taken = '';
    for (const token of tokens) {
      if (words >= OPENING_WORDS || token.includes('\n')) break;
      if (/[A-Za-z0-9]/.test(token)) words++;
      taken += token;
    }
    opening.push(taken);
    if (words >= OPENING_WORDS || part.includes('\n')) break;
  }
  while (opening.at(-1) === '…' || opening.at(-1)?.trim() === '') opening.pop();
  if (words < 2) return undefined; // a wrapper around another message (`${name}: ${message}`)
  const text = opening.join('').trim().replace(/[,;:.]+$/, '');
  const pattern = new RegExp(text.split('…').map((t) => escape(t)).join('.+?'));
  return { where, opening: text, pattern, bug: /this is a bug/i.test(full) };
}

/**
 * Every message in src/: `new XFailure(message)`, the input messages of settings.ts
 * (`r.fail(input, message)`), and helpers named `...Error(message)` that wrap a Failure.
 */
export async function sourceMessages(): Promise<Message[]> {
  const dir = join(REPO, 'src');
  const files = (await readdir(dir, { recursive: true })).map(String).filter((f) => f.endsWith('.ts'));
  const messages: Message[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, await readFile(join(dir, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      let message: ts.Node | undefined;
      if (ts.isNewExpression(node) && /Failure$/.test(node.expression.getText(source))) message = node.arguments?.[0];
      else if (ts.isCallExpression(node)) {
        const callee = node.expression;
        if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'fail' && node.arguments.length === 2) message = node.arguments[1];
        else if (ts.isIdentifier(callee) && /Error$/.test(callee.text)) message = node.arguments[0];
      }
      const parts = message && pieces(message);
      const found = parts && messageOf(`src/${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`, parts);
      if (found) messages.push(found);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return messages;
}

/** The first cell of each row of the README's troubleshooting tables, backticks dropped. */
export function troubleshootingCells(readme: string): string[] {
  const section = /^## Troubleshooting\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  const lines = section.split('\n');
  return lines
    .filter((line, i) => line.startsWith('| ') && !line.startsWith('| ---') && !lines[i + 1]?.startsWith('| ---'))
    .map((line) => (line.split(' | ')[0] ?? '').slice(2).replace(/`/g, ''));
}

export function uncovered(messages: Message[], cells: string[]): Message[] {
  const bugRow = cells.some((c) => /this is a bug/i.test(c));
  return messages.filter((m) => !(m.bug && bugRow) && !cells.some((cell) => m.pattern.test(cell)));
}

const readme = () => readFile(join(REPO, 'README.md'), 'utf8');

test('every message in src/ has a row in the README troubleshooting table', async () => {
  const messages = await sourceMessages();
  assert.ok(messages.length > 80, `found only ${messages.length} messages: is the extraction broken?`);
  const missing = uncovered(messages, troubleshootingCells(await readme()));
  assert.deepEqual(missing.map((m) => `${m.where}: ${m.opening}`), [], 'add a row whose first column shows each of these openings (… is any text)');
});

test('a message the table does not show is reported, with its file, line and opening', async () => {
  const cells = troubleshootingCells(await readme());
  assert.ok(cells.length > 30, `the table has only ${cells.length} rows`);
  const invented = messageOf('src/x.ts:1', ['Expected the flux capacitor ', ' to charge, found ', '']);
  assert.ok(invented);
  assert.equal(invented.opening, 'Expected the flux capacitor');
  assert.deepEqual(uncovered([invented], cells).map((m) => m.where), ['src/x.ts:1']);
  const placeholders = messageOf('src/y.ts:2', ['source ', ' is ', ' bytes, over the limit of ', '']);
  assert.equal(placeholders?.opening, 'source … is … bytes, over');
  assert.deepEqual(uncovered([placeholders as Message], ['source URL is N bytes, over the limit']), []);
  assert.equal(messageOf('src/z.ts:3', ['', ': ', '']), undefined, 'a bare wrapper has no opening of its own');
});
