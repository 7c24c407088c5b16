/** What a CLI command produced; the same whether it ran in the CLI process or inside the service. */
export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const ok = (stdout: string): CliResult => ({ exitCode: 0, stdout, stderr: '' });
export const fail = (stderr: string, exitCode = 2): CliResult => ({ exitCode, stdout: '', stderr });
