package main

import (
	"encoding/json"
	"os"
	"testing"
)

// slack is how far past its budget the core may grow before the test fails.
const slack = 0.02

// TestCoreWithinBudget prints the committed core module's sizes and fails
// when either passes budget.json's figure by more than 2%. The committed
// core is what this source builds (make check-core), so this measures
// the real thing.
func TestCoreWithinBudget(t *testing.T) {
	raw, err := os.ReadFile("../../host/internal/core/execctx.core.wasm")
	if err != nil {
		t.Fatal(err)
	}
	var budget struct{ Raw, Brotli int }
	text, err := os.ReadFile("budget.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(text, &budget); err != nil {
		t.Fatalf("budget.json: %v", err)
	}
	_, br := compressed(raw)
	t.Logf("core: %d B raw (budget %d), %d B brotli -11 (budget %d)", len(raw), budget.Raw, br, budget.Brotli)
	for _, c := range []struct {
		what        string
		size, limit int
	}{{"raw", len(raw), budget.Raw}, {"brotli", br, budget.Brotli}} {
		if float64(c.size) > float64(c.limit)*(1+slack) {
			t.Errorf("the core is %d B %s, more than 2%% over its budget of %d B: shrink it, or raise tools/sizes/budget.json and say why", c.size, c.what, c.limit)
		}
	}
}
