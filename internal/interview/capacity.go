package interview

import (
	"fmt"
	"strings"

	"github.com/designdoc-cli/designdoc/internal/design"
	"github.com/designdoc-cli/designdoc/internal/knowledge"
)

// capacityDefaults are the spec's defaults, and a typical value for the
// inputs that have none, offered at the prompt.
var capacityDefaults = map[string]string{
	"reads_per_user":  "10",
	"writes_per_user": "1",
	"read_size":       "1KB",
	"write_size":      "1KB",
	"peak_factor":     "2",
	"retention":       "5y",
	"replication":     "3",
	"cache_fraction":  "0.2",
	"server_rps":      "1000",
}

var capacityHints = map[string]string{
	"dau":             "a count, e.g. 10M or 1.5B",
	"reads_per_user":  "e.g. 10",
	"writes_per_user": "e.g. 0.1 for one write in ten days",
	"read_size":       "bytes per read, e.g. 500B or 2KiB",
	"write_size":      "bytes per write, e.g. 1KB",
	"peak_factor":     "peak over average traffic, 1 or more",
	"retention":       "how long data is kept, e.g. 30d, 2w, 5y",
	"replication":     "copies kept of each byte",
	"cache_fraction":  "share of the daily read volume kept in cache, 0 to 1",
	"server_rps":      "e.g. 1000 for a typical stateless service",
}

func (s *session) capacityPhase() error {
	d := s.doc
	if d.Capacity == nil || s.edit {
		want, err := s.p.Confirm(YesNo{
			Message: "Estimate capacity (QPS, bandwidth, storage, servers)?",
			Default: true,
			Help:    knowledge.Help("capacity"),
		})
		if err != nil {
			return err
		}
		if !want {
			d.Capacity = nil
			return nil
		}
	}
	if d.Capacity == nil {
		d.Capacity = &design.Capacity{}
	}
	for _, in := range d.Capacity.Inputs() {
		if !s.asks(in.Value.Raw) {
			continue
		}
		if err := s.capacityInput(in); err != nil {
			return err
		}
	}
	if s.opts.Capacity == nil {
		return nil
	}
	for {
		report, err := s.opts.Capacity(d.Capacity)
		if err != nil {
			s.p.Say("These inputs do not add up: " + err.Error())
		} else {
			s.p.Say(report)
		}
		options := []string{"go on"}
		for _, in := range d.Capacity.Inputs() {
			options = append(options, in.Key)
		}
		v, err := s.p.Select(Choice{
			Message: "Adjust an input, or go on?",
			Options: options,
			Default: "go on",
			Describe: func(o string) string {
				for _, in := range d.Capacity.Inputs() {
					if in.Key == o {
						return in.Label + " = " + in.Value.Raw
					}
				}
				return ""
			},
			Help: "Pick an input to change it and see the results again.",
		})
		if err != nil || v == "go on" {
			return err
		}
		for _, in := range d.Capacity.Inputs() {
			if in.Key == v {
				if err := s.capacityInput(in); err != nil {
					return err
				}
			}
		}
	}
}

func (s *session) capacityInput(in design.CapacityInput) error {
	def := in.Value.Raw
	if def == "" {
		def = capacityDefaults[in.Key]
	}
	validate := field("capacity." + in.Key)
	if in.Key == "dau" {
		validate = all(required("the number of daily active users"), validate)
	}
	v, err := s.p.Input(Prompt{
		Message:  fmt.Sprintf("%s (%s)", in.Label, capacityHints[in.Key]),
		Default:  def,
		Help:     knowledge.Help("capacity"),
		Validate: validate,
	})
	if err != nil {
		return err
	}
	in.Value.Raw = v
	return nil
}

func summarizeCapacity(d *design.Doc) string {
	if d.Capacity == nil {
		return "not estimated"
	}
	c := d.Capacity
	parts := []string{"DAU " + orDash(c.DAU.Raw)}
	if c.ReadsPerUser.Set() || c.WritesPerUser.Set() {
		parts = append(parts, fmt.Sprintf("reads/writes per user a day %s/%s", orDash(c.ReadsPerUser.Raw), orDash(c.WritesPerUser.Raw)))
	}
	if c.Retention.Set() {
		parts = append(parts, "kept "+c.Retention.Raw)
	}
	return strings.Join(parts, ", ")
}
