package render

import "testing"

func TestStrong(t *testing.T) {
	tests := map[string]string{
		"Web Client":                "**Web Client**",
		"URL_DB":                    "**URL_DB**",
		"*1":                        `**\*1**`,
		"1*":                        `**1\***`,
		"a*b":                       `**a\*b**`,
		"_a":                        `**\_a**`,
		"a_":                        `**a\_**`,
		"a\\":                       `**a\\**`,
		"a\\\\":                     `**a\\**`,
		`a\*`:                       `**a\***`,
		"a *b* c":                   `**a \*b\* c**`,
		"<b>":                       "**&lt;b&gt;**",
		"`code` x":                  "**`code` x**",
		"` spaced ` x":              "**`spaced` x**",
		"```a":                      "**&#96;&#96;&#96;a**",
		"a ` b":                     "**a &#96; b**",
		"  ":                        "—",
		"https://x.io/":             "**<https://x.io/>**",
		"see https://x.io/a_b_ now": "**see <https://x.io/a_b>\\_ now**",
	}
	for in, want := range tests {
		if got := Strong(in); got != want {
			t.Errorf("Strong(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPhrase(t *testing.T) {
	tests := map[string]string{
		"owns":          "owns",
		"# not a title": `\# not a title`,
		"1. not a list": `1\. not a list`,
		"a ` b *c":      `a &#96; b \*c`,
		"":              "",
	}
	for in, want := range tests {
		if got := Phrase(in); got != want {
			t.Errorf("Phrase(%q) = %q, want %q", in, got, want)
		}
	}
}
