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
  report FILE [--format FORMAT] [--out FILE] [--csv-delimiter ';'] [--ballots BALLOTS]
                                Render the session capture report of a workshop/v1 file, with
                                no server or database (default: OUT's extension, else pdf;
                                --csv-delimiter ';' for a spreadsheet in French; --ballots: a
                                ballots/v1 file counted into its prioritization section)
  validate FILE                 Check a workshop/v1 file; exit 0 if valid, 1 with the errors
  themes FILE [--clusters N] [--json]
                                Suggest columns, names, key points and near-duplicates for the
                                cards of a workshop/v1 file or a text file (one card per line):
                                only the confident columns, the other cards as unclustered
                                (with --clusters N, N columns each with its confidence)
  themes FILE --place [--json]  Rank the file's columns for each of its unclustered cards, each
                                ranking "confident" or not (SUGGESTIONS_URL is read as by serve)
  tally FILE [--json]           Count a ballots/v1 file (dots, borda, irv or rating): options
                                ranked overall and by group, IRV rounds; an invalid file is
                                refused whole, exit 1, each bad value named by its path
  demo-link                     Print a facilitator link to the demo workshop. The server prints
                                one on its first start only and stores only a hash of its key,
                                so this issues a new key: links printed before stop working
  backup FILE                   Write a consistent backup of the whole store (workshops, logs,
                                snapshots, accounts, keys and links) to FILE, a gzip'd JSON
                                lines file, while the server runs
  restore FILE                  Fill an empty store from a backup FILE (refuses one with data)
  copy --from URL --to URL      Copy the whole store into an empty one, creating its tables;
                                URL is sqlite:DIR or postgres://USER@HOST:PORT/DATABASE

Options:
  -h, --help                    Show this help

FORMAT is pdf, docx, html, md (Markdown), csv (the cards) or json (workshop/v1).

The store is SQLite under CONCORD_DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL
and REDIS_URL are set; the CLI opens it directly (backup and restore too).
`;
