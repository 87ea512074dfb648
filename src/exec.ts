// Runs a tool quietly and keeps its output in order, so a failure can quote the last
// lines (the compiler's error) and a success can still report warnings.
import { getExecOutput } from '@actions/exec';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr lines interleaved as they came. */
  lines: string[];
}

export interface RunOptions {
  cwd?: string;
  env: Record<string, string>;
  input?: string;
}

export async function run(command: string, args: string[], options: RunOptions): Promise<Ran> {
  const lines: string[] = [];
  const result = await getExecOutput(command, args, {
    cwd: options.cwd,
    env: options.env,
    input: options.input === undefined ? undefined : Buffer.from(options.input),
    silent: true,
    ignoreReturnCode: true,
    listeners: { stdline: (l) => lines.push(l), errline: (l) => lines.push(l) },
  });
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr, lines };
}

export function tail(lines: string[], count = 20): string {
  return lines.slice(-count).join('\n');
}
