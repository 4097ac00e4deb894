import { spawn } from "node:child_process";
import { REPO_ROOT } from "./server.js";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command line in the repository root with this environment and collects its output. */
export function runIn(env: NodeJS.ProcessEnv, command: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The environment of a CLI run with no PORT or PUBLIC_URL, so URLs use the defaults, plus `extra`. */
export function cliEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { PORT: _port, PUBLIC_URL: _publicUrl, ...env } = process.env;
  return { ...env, ...extra };
}
