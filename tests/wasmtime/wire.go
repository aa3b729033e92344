package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// wire is the bridge's end of the jcohost wire: one JSON object per line.
// Go sends ops ({"op": "new"|"call"|"close"|"exit", "id", "fn", "args"});
// while a call runs, the bridge sends {"import": "window.get", "args"} and
// reads the answer ({"ok"}, {"err"} or {"fail"}); every op ends with
// {"ok"}, {"err"} (the export's result error), {"trap"} or {"fail"}.
type wire struct {
	in  *bufio.Reader
	out *os.File
}

func newWire(in, out *os.File) *wire {
	return &wire{in: bufio.NewReaderSize(in, 1<<20), out: out}
}

func (w *wire) send(msg map[string]any) error {
	line, err := json.Marshal(msg)
	if err != nil {
		return fmt.Errorf("encode %v: %w", msg, err)
	}
	_, err = w.out.Write(append(line, '\n'))
	return err
}

// receive reads one message; nil, nil when Go closed the pipe.
func (w *wire) receive() (map[string]any, error) {
	line, err := w.in.ReadBytes('\n')
	if errors.Is(err, io.EOF) && len(line) == 0 {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read from Go: %w", err)
	}
	var msg map[string]any
	if err := json.Unmarshal(line, &msg); err != nil {
		return nil, fmt.Errorf("bad line from Go: %w: %.200s", err, line)
	}
	return msg, nil
}

// ask sends one import call to Go and returns its answer.
func (w *wire) ask(name string, args []any) (map[string]any, error) {
	if err := w.send(map[string]any{"import": name, "args": args}); err != nil {
		return nil, err
	}
	answer, err := w.receive()
	if err == nil && answer == nil {
		err = errors.New("Go closed the pipe during an import call")
	}
	return answer, err
}
