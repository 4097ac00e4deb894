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
  export ID [--format FORMAT] [--out FILE] [--csv-delimiter ';']
                                Export a stored workshop (default json; to standard output
                                without --out)
  report FILE [--format FORMAT] [--out FILE] [--csv-delimiter ';']
                                Render the session capture report of a workshop/v1 file, with
                                no server or database (default: OUT's extension, else pdf;
                                --csv-delimiter ';' for a spreadsheet in French)
  validate FILE                 Check a workshop/v1 file; exit 0 if valid, 1 with the errors
  themes FILE [--clusters N] [--json]
                                Suggest columns, names, key points and near-duplicates for the
                                cards of a workshop/v1 file or a text file (one card per line)
  themes FILE --place [--json]  Rank the file's columns for each of its unclustered cards
  demo-link                     Print the demo workshop's facilitator link (the server prints
                                it on its first start only)

Options:
  -h, --help                    Show this help

FORMAT is pdf, docx, html, md (Markdown), csv (the cards) or json (workshop/v1).

The store is SQLite under CONCORD_DATA_DIR (default ./data); the CLI opens it directly.
`;
