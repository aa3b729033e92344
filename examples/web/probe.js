// Whether this realm may build code from text: a page served with a strict
// Content-Security-Policy (the server's /csp/ mode) forbids it, and
// execctx must work without it.
export const functionConstructor = () => {
  try {
    return new Function("return 'allowed'")();
  } catch (e) {
    return `blocked (${e.name}): the page's Content-Security-Policy has no 'unsafe-eval'`;
  }
};
