// Command dateline reads news and codes who did what to whom, when and
// where, and who said what. Run "dateline help" for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// env is what a command reads and writes besides its arguments.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	stdinTerminal  bool
}

// command is one subcommand of the binary.
type command struct {
	summary string
	run     func(ctx context.Context, e env, args []string) error
}

// commands lists every subcommand. Each lives in its own file.
var commands = map[string]command{
	"extract":  {"read one article (or JSON Lines with --jsonl) and print its document", runExtract},
	"eval":     {"score the engine against gold (--gold DIR, --ud FILE, ...)", runEval},
	"train":    {"train a shipped model or dictionary from ../shared/data", runTrain},
	"annotate": {"tag, parse or recognise entities in pre-tokenised CoNLL-U or IOB2", runAnnotate},
	"actors":   {"list names found but not resolved (--unknown), to extend the dictionaries", runActors},
	"ingest":   {"read files, folders, feeds and WARCs into the database (--db events.db)", runIngest},
	"stats":    {"count what the database holds (--db, --json)", runStats},
	"query":    {"list stored events by actor, country, code, PLOVER type, date, mood, text", runQuery},
	"export":   {"write stored events as GDELT, Phoenix, CSV or Parquet, documents as JSONL", runExport},
	"serve":    {"serve the JSON API and the web pages over the database (--db, --addr, --token)", runServe},
	"explain":  {"show per sentence the parse, actors, patterns tried and why each event was or was not coded", runExplain},
	"bench":    {"run the whole pipeline over a JSON Lines corpus and print articles/s, MB/s and peak memory", runBench},
	"patterns": {"build data/cameo/petrarch.patterns.gz from the PETRARCH2 verb dictionary (--check: load the shipped patterns)", runPatterns},
}

// errUsage marks an error in the command line; main prints usage for it.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, stdinTerminal: isTerminal(os.Stdin)}
	if err := run(ctx, e, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "dateline:", err)
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, e env, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout)
		return nil
	}
	c, ok := commands[args[0]]
	if !ok {
		usage(e.stderr)
		return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
	return c.run(ctx, e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: dateline COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun \"dateline COMMAND -h\" for a command's flags.")
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// fileList collects a repeated flag naming files (--dict, --patterns).
type fileList []string

func (l *fileList) String() string     { return strings.Join(*l, ",") }
func (l *fileList) Set(v string) error { *l = append(*l, v); return nil }

// openInput opens the one FILE argument of fs, or standard input when there
// is none or it is "-". It returns the reader, a name for messages and a
// function that closes what it opened.
func openInput(e env, fs *flag.FlagSet) (io.Reader, string, func(), error) {
	if fs.NArg() > 1 {
		return nil, "", nil, fmt.Errorf("%w: %s reads one FILE or standard input", errUsage, fs.Name())
	}
	if fs.NArg() == 0 || fs.Arg(0) == "-" {
		return e.stdin, "standard input", func() {}, nil
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return nil, "", nil, err
	}
	return f, fs.Arg(0), func() { f.Close() }, nil
}
