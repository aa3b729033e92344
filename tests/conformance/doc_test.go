package conformance

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	// caseID is a spec case or open question id, as tests and comments cite them.
	caseID = regexp.MustCompile(`\b(C[0-9]{2}|Q[0-9]+)\b`)
	// repoPath is a file a table row names, such as `tests/python/test_window.py`.
	repoPath = regexp.MustCompile("`((?:component|examples|facade|host|internal|tests|tools|wit)/[^`\\s]+)`")
	// goTest is a Go test function a row names after its file.
	goTest = regexp.MustCompile(`\bTest[A-Z]\w*`)
	// testName is a quoted test or row name; a trailing "…" means "starting with".
	testName = regexp.MustCompile(`"([^"]+)"`)
	// codeSpan is inline code, whose quotes are not test names.
	codeSpan = regexp.MustCompile("`[^`]*`")
	// relLink is a relative Markdown link, such as ](../README.md#python).
	relLink = regexp.MustCompile(`\]\((\.\./[^)#]+)(#[^)]*)?\)`)
)

// TestConformanceDoc keeps docs/conformance.md honest: every spec case
// (C01 to C96) has a row, every case id cited anywhere in the repository
// has a row, and every file, Go test function and quoted test name a row
// cites exists.
func TestConformanceDoc(t *testing.T) {
	root := filepath.Join("..", "..")
	docPath := filepath.Join(root, "docs", "conformance.md")
	doc, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	rows := docRows(t, string(doc))

	for n := 1; n <= 96; n++ {
		if id := fmt.Sprintf("C%02d", n); rows[id] == "" {
			t.Errorf("docs/conformance.md has no row for %s", id)
		}
	}
	for id, file := range citedIDs(t, root) {
		if rows[id] == "" {
			t.Errorf("%s cites %s, which has no row in docs/conformance.md", file, id)
		}
	}
	for id, row := range rows {
		checkCitations(t, root, id, row)
	}
	for _, m := range relLink.FindAllStringSubmatch(string(doc), -1) {
		if _, err := os.Stat(filepath.Join(root, "docs", m[1])); err != nil {
			t.Errorf("docs/conformance.md links to %s, which does not exist", m[1])
		}
	}
}

// docRows returns the table rows of the document by their id: the lines
// whose first cell is a case id.
func docRows(t *testing.T, doc string) map[string]string {
	rows := map[string]string{}
	for _, line := range strings.Split(doc, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 || strings.TrimSpace(cells[0]) != "" {
			continue
		}
		id := strings.TrimSpace(cells[1])
		if caseID.FindString(id) != id {
			continue
		}
		if rows[id] != "" {
			t.Errorf("docs/conformance.md has two rows for %s", id)
		}
		rows[id] = line
	}
	return rows
}

// citedIDs returns every case id cited in the repository's text files,
// with the first file citing it. It skips docs/, dependencies and build
// output.
func citedIDs(t *testing.T, root string) map[string]string {
	skip := map[string]bool{"docs": true, "node_modules": true, "build": true, "dist": true}
	cited := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (skip[d.Name()] || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		text, err := os.ReadFile(path)
		if err != nil || bytes.IndexByte(text, 0) >= 0 { // binary: the core module, images
			return err
		}
		for _, id := range caseID.FindAllString(string(text), -1) {
			if cited[id] == "" {
				cited[id], _ = filepath.Rel(root, path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return cited
}

// checkCitations checks what one row cites. Each cited file starts an
// entry that runs to the next cited file or the end of its cell: the Go
// test functions and the quoted names in that entry must be in that file.
func checkCitations(t *testing.T, root, id, row string) {
	for _, cell := range strings.Split(row, "|") {
		paths := repoPath.FindAllStringSubmatchIndex(cell, -1)
		for i, p := range paths {
			file := cell[p[2]:p[3]]
			text, err := os.ReadFile(filepath.Join(root, file))
			if err != nil {
				t.Errorf("%s cites %s, which does not exist", id, file)
				continue
			}
			end := len(cell)
			if i+1 < len(paths) {
				end = paths[i+1][0]
			}
			entry := codeSpan.ReplaceAllString(cell[p[1]:end], "")
			for _, fn := range goTest.FindAllString(entry, -1) {
				if !strings.Contains(string(text), "func "+fn+"(") {
					t.Errorf("%s cites %s in %s, which has no such test", id, fn, file)
				}
			}
			for _, m := range testName.FindAllStringSubmatch(entry, -1) {
				name := strings.TrimSpace(strings.TrimSuffix(m[1], "…"))
				if !strings.Contains(string(text), name) {
					t.Errorf("%s cites %q in %s, which has no test by that name", id, m[1], file)
				}
			}
		}
	}
}
