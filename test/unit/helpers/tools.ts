import { spawnSync } from 'node:child_process';

/** Whether a command-line tool is on the PATH (tests that compare with real tools run when it is). */
export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}
