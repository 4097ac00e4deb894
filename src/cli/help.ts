/** An expected failure of a command: printed without a stack trace, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const HELP = `Usage: concord <command> [options]

Commands:
  serve                         Start the server (PORT, HOST, CONCORD_DATA_DIR, PUBLIC_URL)
  import FILE [--owner EMAIL]   Import a workshop/v1 file; prints the workshop id and its URL
                                (--owner: the facilitator account that gets it in its list)
  export ID --format json [--out FILE]
                                Export a stored workshop (to standard output without --out)
  validate FILE                 Check a workshop/v1 file; exit 0 if valid, 1 with the errors

Options:
  -h, --help                    Show this help

The store is SQLite under CONCORD_DATA_DIR (default ./data); the CLI opens it directly.
`;
