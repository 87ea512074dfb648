// Strict checking of Kubernetes manifests: kubernetes-models' validate() checks types,
// formats and required fields but lets unknown fields through (`replica: 2`, `protocl`,
// `runAsNonRut` would pass, and the API server would drop them or refuse them). Its
// TypeScript interfaces are generated from the same OpenAPI schema, so type-checking each
// document as an object literal of its kind's interface rejects every property the schema
// does not have, at any depth.
import ts from 'typescript';
import { join } from 'node:path';
import { REPO } from '../helpers/entries.js';

/** The kinds the README uses: kind -> [apiVersion, module, interface]. */
const KINDS: Record<string, [string, string, string]> = {
  Deployment: ['apps/v1', 'kubernetes-models/apps/v1/Deployment', 'IDeployment'],
  Service: ['v1', 'kubernetes-models/v1/Service', 'IService'],
};

interface Manifest {
  apiVersion?: unknown;
  kind?: unknown;
}

/** Each problem as `document N (Kind): message`; none when every document fits its schema exactly. */
export function strictSchemaProblems(docs: Manifest[]): string[] {
  const problems: string[] = [];
  const lines: string[] = [];
  docs.forEach((doc, n) => {
    const known = KINDS[String(doc.kind)];
    if (!known || known[0] !== doc.apiVersion) {
      problems.push(`document ${n + 1}: no schema here for ${String(doc.apiVersion)} ${String(doc.kind)}`);
      return;
    }
    const [, module, type] = known;
    lines.push(`import type { ${type} as T${n} } from '${module}';`, `export const doc${n}: T${n} = ${JSON.stringify(doc, null, 2)};`);
  });
  if (problems.length) return problems;

  const file = join(REPO, 'test/repo/__manifests__.ts');
  const text = lines.join('\n');
  // The line each document's literal starts on, to say which document a problem is in.
  const starts = text.split('\n').flatMap((line, i) => (line.startsWith('export const doc') ? [i] : []));
  const options: ts.CompilerOptions = { strict: true, noEmit: true, skipLibCheck: true, types: [], target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) => (name === file ? ts.createSourceFile(name, text, version) : getSourceFile.call(host, name, version, ...rest));
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? text : readFile.call(host, name));
  const program = ts.createProgram([file], options, host);
  const source = program.getSourceFile(file);
  for (const diagnostic of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
    const line = diagnostic.start === undefined ? 0 : (source?.getLineAndCharacterOfPosition(diagnostic.start).line ?? 0);
    const n = Math.max(starts.filter((start) => start <= line).length - 1, 0);
    problems.push(`document ${n + 1} (${String(docs[n]?.kind)}): ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
  }
  return problems;
}
