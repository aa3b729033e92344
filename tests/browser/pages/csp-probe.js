// Whether this realm forbids Function/eval (the /csp/ mode), so that a test
// knows the strict policy was really in force where it ran.
export function evalBlocked() {
  try {
    return new Function("return false")();
  } catch {
    return true;
  }
}
