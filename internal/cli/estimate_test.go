package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestEstimateFlags checks flag parsing apart from behaviour.
func TestEstimateFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    EstimateOptions
		wantErr string
	}{
		{args: []string{"--dau", "100M", "--read-size", "1KB"}, want: EstimateOptions{Inputs: map[string]string{"dau": "100M", "read_size": "1KB"}}},
		{args: []string{"--answers", "a.yaml", "--peak-factor=5", "--json"}, want: EstimateOptions{Answers: "a.yaml", JSON: true, Inputs: map[string]string{"peak_factor": "5"}}},
		{args: []string{"--cheatsheet"}, want: EstimateOptions{Cheatsheet: true, Inputs: map[string]string{}}},
		{args: []string{"--server-rps", "2K", "--cache-fraction", "0.1", "--retention", "30d", "--replication", "2",
			"--reads-per-user", "10", "--writes-per-user", "1", "--write-size", "1KiB"},
			want: EstimateOptions{Inputs: map[string]string{"server_rps": "2K", "cache_fraction": "0.1", "retention": "30d",
				"replication": "2", "reads_per_user": "10", "writes_per_user": "1", "write_size": "1KiB"}}},
		{args: []string{}, wantErr: "give the inputs as flags"},
		{args: []string{"--cheatsheet", "--dau", "1M"}, wantErr: "--cheatsheet prints the reference card alone"},
		{args: []string{"extra"}, wantErr: "takes no arguments"},
		{args: []string{"--users", "1M"}, wantErr: "unknown flag: --users"},
	}
	for _, tt := range tests {
		io, _, _ := testIO()
		var got *EstimateOptions
		cmd := newEstimateCmd(io, func(o *EstimateOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(io.Out)
		cmd.SetErr(io.Err)
		err := cmd.Execute()
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%v: err = %v, want %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		got.IO = nil
		if !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("%v: options = %+v, want %+v", tt.args, *got, tt.want)
		}
	}
}

func TestEstimateRun(t *testing.T) {
	dir := t.TempDir()
	answers := filepath.Join(dir, "a.designdoc.yaml")
	if err := os.WriteFile(answers, []byte("title: T\ncapacity:\n  dau: 100M\n  reads_per_user: 10\n  writes_per_user: 0.1\n  read_size: 500B\n  write_size: 500B\n  peak_factor: 3\n  server_rps: 2000\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	io, out, _ := testIO()
	if err := estimateRun(&EstimateOptions{IO: io, Answers: answers}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Servers at peak                     18\n", "ceil(17.5) = 18", "Defaults used: retention 5y, replication 3, cache_fraction 0.2\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	// A flag overrides the file.
	io, out, _ = testIO()
	if err := estimateRun(&EstimateOptions{IO: io, Answers: answers, JSON: true, Inputs: map[string]string{"server_rps": "500"}}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Inputs  map[string]float64
		Results map[string]float64
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Inputs["server_rps"] != 500 || got.Results["servers"] != 71 {
		t.Errorf("inputs %v results %v", got.Inputs, got.Results)
	}

	// Each bad input is named where it came from.
	if err := os.WriteFile(answers, []byte("title: T\ncapacity:\n  dau: 0\n  reads_per_user: 10\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	io, _, _ = testIO()
	err := estimateRun(&EstimateOptions{IO: io, Answers: answers, Inputs: map[string]string{"peak_factor": "0.5"}})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"5 problems", answers + ":3:8: capacity.dau: 0 users", "capacity.read_size: not given (average read size); set it in " + answers + " or pass --read-size", "--peak-factor: 0.5 is below 1"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if code := exitCode(err); code != ExitInput {
		t.Errorf("exit %d, want %d", code, ExitInput)
	}
}
