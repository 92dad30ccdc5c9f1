// Command-line entry for GIS staff: `npm run --silent cli -- <command> …`.
// Runs on Node ≥ 22.12 directly from TypeScript (type stripping); stdout carries only data,
// messages go to stderr.

const USAGE = `Bruk: npm run --silent cli -- <kommando> [valg]

Kommandoer:
  help    denne teksten
`;

/** Runs the CLI with the given arguments and returns the exit code. */
export function main(argv: string[]): number {
  const [command] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  process.stderr.write(`Ukjent kommando «${command}». Se «npm run cli -- help».\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
