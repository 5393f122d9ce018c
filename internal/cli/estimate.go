package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/estimate"
)

// EstimateOptions are the inputs of designdoc estimate.
type EstimateOptions struct {
	IO      *IO
	Answers string
	// Inputs are the capacity inputs given as flags, by answers-file key
	// (dau, read_size, …); they override the answers file.
	Inputs     map[string]string
	JSON       bool
	Cheatsheet bool
}

// estimateHints say what each input flag takes.
var estimateHints = map[string]string{
	"dau":             "daily active users, a `COUNT` such as 100M",
	"reads_per_user":  "reads per user per day, a `NUMBER` such as 10",
	"writes_per_user": "writes per user per day, a `NUMBER` such as 0.1",
	"read_size":       "bytes per read, a `SIZE` such as 1KB or 2KiB",
	"write_size":      "bytes per write, a `SIZE` such as 500B",
	"peak_factor":     "peak traffic over average, a `NUMBER` of 1 or more",
	"retention":       "how long data is kept, a `DURATION` such as 30d, 2w or 5y",
	"replication":     "copies kept of each byte, a `NUMBER` of 1 or more",
	"cache_fraction":  "share of the daily read volume to cache, a `NUMBER` from 0 to 1",
	"server_rps":      "requests per second one server handles, a `NUMBER` such as 2K",
}

// flagName is the command-line flag of a capacity input: read_size → read-size.
func flagName(key string) string { return strings.ReplaceAll(key, "_", "-") }

func newEstimateCmd(io *IO, runF func(*EstimateOptions) error) *cobra.Command {
	opts := &EstimateOptions{IO: io}
	values := map[string]*string{}
	cmd := &cobra.Command{
		Use:   "estimate",
		Short: "Back-of-envelope capacity: QPS, bandwidth, storage, cache and servers",
		Long: `Estimate derives the load of a design from a few inputs: queries per second at
average and peak, the read:write ratio, ingress and egress bandwidth,
storage per day and over the retention period, cache size and server count.
Every result comes with one line of working, the formula with the numbers
put in.

Give the inputs as flags, or read the capacity section of an answers file
with --answers; a flag overrides the file. Counts take SI suffixes (1.5K,
100M, 5B, 2T), sizes decimal or binary units (500B, 1KB, 2KiB, 1.5GB),
durations d, w or y (365 days). Without a value, peak factor is 2,
replication 3, cache fraction 0.2, server RPS 1000 and retention 5y.

--json prints the inputs, results and derivations with plain numbers
(bytes, per second, retention in days). --cheatsheet prints the numbers
worth knowing by heart instead: powers of ten and two, seconds per day,
month and year, typical latencies and throughputs.`,
		Example: `  designdoc estimate --dau 100M --reads-per-user 10 --writes-per-user 0.1 --read-size 500B --write-size 500B
  designdoc estimate --answers url-shortener.designdoc.yaml
  designdoc estimate --answers url-shortener.designdoc.yaml --peak-factor 5   # what if the peak is sharper?
  designdoc estimate --answers url-shortener.designdoc.yaml --json | jq .results.servers
  designdoc estimate --cheatsheet`,
		Args: maximumArgs(0, "no arguments (the inputs are flags)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = map[string]string{}
			for key, v := range values {
				if cmd.Flags().Changed(flagName(key)) {
					opts.Inputs[key] = *v
				}
			}
			if opts.Cheatsheet && (opts.Answers != "" || opts.JSON || len(opts.Inputs) > 0) {
				return &usageError{err: errors.New("--cheatsheet prints the reference card alone; drop the other flags"), cmd: cmd.CommandPath()}
			}
			if !opts.Cheatsheet && opts.Answers == "" && len(opts.Inputs) == 0 {
				return &usageError{err: errors.New("give the inputs as flags (--dau, --reads-per-user, …) or --answers FILE"), cmd: cmd.CommandPath()}
			}
			if runF != nil {
				return runF(opts)
			}
			return estimateRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Answers, "answers", "", "read the inputs from the capacity section of answers `FILE`")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print inputs, results and derivations as JSON")
	cmd.Flags().BoolVar(&opts.Cheatsheet, "cheatsheet", false, "print the numbers worth knowing by heart")
	for _, in := range (&design.Capacity{}).Inputs() {
		v := new(string)
		values[in.Key] = v
		usage := estimateHints[in.Key]
		if def, ok := estimate.Default(in.Key); ok {
			usage += " (default " + def + ")"
		}
		cmd.Flags().StringVar(v, flagName(in.Key), "", usage)
	}
	_ = cmd.RegisterFlagCompletionFunc("answers", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml", "json"}, cobra.ShellCompDirectiveFilterFileExt
	})
	return cmd
}

func estimateRun(opts *EstimateOptions) error {
	if opts.Cheatsheet {
		_, err := fmt.Fprint(opts.IO.Out, estimate.Cheatsheet())
		return err
	}
	c := &design.Capacity{}
	if opts.Answers != "" {
		doc, err := design.Load(opts.Answers)
		if err != nil {
			return err
		}
		if doc.Capacity != nil {
			c = doc.Capacity
		}
	}
	for _, in := range c.Inputs() {
		if raw, ok := opts.Inputs[in.Key]; ok {
			*in.Value = design.Quantity{Raw: raw}
		}
	}
	r, err := estimate.Estimate(c)
	if err != nil {
		return estimateError(opts, err)
	}
	if opts.JSON {
		data, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(opts.IO.Out, "%s\n", data)
		return err
	}
	_, err = fmt.Fprint(opts.IO.Out, r.Text())
	return err
}

// estimateError says where each bad input came from: the flag, the place
// in the answers file, or neither when it is missing.
func estimateError(opts *EstimateOptions, err error) error {
	var errs estimate.InputErrors
	if !errors.As(err, &errs) {
		return err
	}
	lines := make([]string, len(errs))
	for i, e := range errs {
		_, fromFlag := opts.Inputs[e.Key]
		switch {
		case fromFlag:
			lines[i] = "--" + flagName(e.Key) + ": " + e.Msg
		case e.Pos.Known():
			lines[i] = opts.Answers + ":" + strconv.Itoa(e.Pos.Line) + ":" + strconv.Itoa(e.Pos.Column) + ": capacity." + e.Key + ": " + e.Msg
		case opts.Answers != "":
			lines[i] = "capacity." + e.Key + ": " + e.Msg + "; set it in " + opts.Answers + " or pass --" + flagName(e.Key)
		default:
			lines[i] = "--" + flagName(e.Key) + ": " + e.Msg
		}
	}
	if len(lines) == 1 {
		return errors.New(lines[0])
	}
	return fmt.Errorf("%d problems with the capacity inputs\n%s", len(lines), strings.Join(lines, "\n"))
}
