/**
 * A long-lived reference renderer process (../shared/reference: Velocity 1.7 + Jayway + json-smart,
 * configured like API Gateway) spoken to in JSON Lines. One case at a time, with a timeout: the reference
 * has no limits of its own, so a case that runs away is abandoned and the process restarted.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RenderInput } from '../../../src/index.js';

export type ReferenceAnswer = { body: string } | { error: string } | { timeout: true };

export class ReferenceRenderer {
  private process: ChildProcessWithoutNullStreams | null = null;
  private pending: Array<(line: string) => void> = [];
  private nextId = 0;

  constructor(
    private readonly dir: string,
    private readonly timeoutMs = 10_000,
  ) {}

  /** Why the reference cannot run here, or null when it can. */
  static unavailable(dir: string): string | null {
    if (!existsSync(join(dir, 'render.sh'))) return `no reference renderer at ${dir}`;
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
    if (java.error || java.status !== 0) return 'java is not installed';
    const build = spawnSync('bash', [join(dir, 'render.sh')], { input: '', encoding: 'utf8', timeout: 120_000 });
    if (build.status !== 0) return `the reference renderer does not build: ${(build.stderr || '').trim().split('\n').pop()}`;
    return null;
  }

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn('bash', [join(this.dir, 'render.sh')], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr.resume();
    createInterface({ input: child.stdout }).on('line', (line) => this.pending.shift()?.(line));
    this.process = child;
    return child;
  }

  render(template: string, input: RenderInput): Promise<ReferenceAnswer> {
    const child = this.process ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.stop();
        resolve({ timeout: true });
      }, this.timeoutMs);
      this.pending.push((line) => {
        clearTimeout(timer);
        const answer = JSON.parse(line) as { body?: string; error?: string };
        resolve(answer.error !== undefined ? { error: answer.error } : { body: answer.body ?? '' });
      });
      child.stdin.write(JSON.stringify({ id, template, input }) + '\n');
    });
  }

  stop(): void {
    this.process?.kill('SIGKILL');
    this.process = null;
    this.pending = [];
  }
}
