package config

import "testing"

func TestSelect(t *testing.T) {
	tag := func(s string) Source { return Source{Origin: OriginTag, Text: s} }
	attr := func(s string) Source { return Source{Origin: OriginAttribute, Text: s} }
	opt := func(s string) Source { return Source{Origin: OriginExplicit, Text: s} }
	tests := []struct {
		id      string
		sources []Source
		tag     string
		want    string
		ok      bool
		wantErr string
	}{
		{id: "no sources, no config", ok: false},
		{id: "C13 one tag", sources: []Source{tag("a = 1")}, want: "a = 1", ok: true},
		{id: "one attribute", sources: []Source{attr("./c.toml")}, want: "./c.toml", ok: true},
		{id: "C14", sources: []Source{tag("a"), tag("b")}, wantErr: "(PY0409): Too many py-config"},
		{id: "C14 mpy", sources: []Source{tag("a"), tag("b")}, tag: "mpy-config", wantErr: "(PY0409): Too many mpy-config"},
		{id: "C15", sources: []Source{tag("a"), attr("x.toml")}, wantErr: "(PY0409): Ambiguous py-config VS config attribute"},
		{id: "C15 attribute first", sources: []Source{attr("x.toml"), tag("a")}, wantErr: "(PY0409): Ambiguous py-config VS config attribute"},
		{id: "C16", sources: []Source{attr("first.toml"), attr("second.toml")}, wantErr: "(PY0409): Unable to use different configs on main"},
		{id: "C16 raw strings compare", sources: []Source{attr("a = 1"), attr("a=1")}, wantErr: "(PY0409): Unable to use different configs on main"},
		{id: "C17", sources: []Source{attr(`{"name":"OK"}`), attr(`{"name":"OK"}`)}, want: `{"name":"OK"}`, ok: true},
		{id: "explicit alone", sources: []Source{opt("c = 1")}, want: "c = 1", ok: true},
		{id: "explicit wins over a tag", sources: []Source{tag("a"), opt("c = 1")}, want: "c = 1", ok: true},
		{id: "explicit wins over conflicting tags", sources: []Source{tag("a"), tag("b"), opt("c = 1")}, want: "c = 1", ok: true},
		{id: "explicit wins over attributes", sources: []Source{attr("x"), attr("y"), opt("c = 1")}, want: "c = 1", ok: true},
		{id: "two explicit", sources: []Source{opt("a"), opt("b")}, wantErr: "(PY0409): Too many explicit configs"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			name := tc.tag
			if name == "" {
				name = "py-config"
			}
			got, ok, err := Select(tc.sources, name)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || ok != tc.ok || got.Text != tc.want {
				t.Fatalf("Select = %+v, %v, %v; want %q, %v", got, ok, err, tc.want, tc.ok)
			}
		})
	}
}
