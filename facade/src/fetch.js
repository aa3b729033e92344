// Fetching a config URL before the component asks for it: the component's
// fetch import is synchronous, JS fetching is not.

/** Fetches url and returns what the fetch-text import answers with. */
export async function prefetch(url) {
  try {
    if (url.startsWith("file:")) {
      const { readFile } = await import("node:fs/promises");
      try {
        return { status: 200, statusText: "OK", body: await readFile(new URL(url), "utf8") };
      } catch (e) {
        if (e.code === "ENOENT") return { status: 404, statusText: "Not Found", body: "" };
        throw e;
      }
    }
    const response = await fetch(url);
    return { status: response.status, statusText: response.statusText, body: await response.text() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
