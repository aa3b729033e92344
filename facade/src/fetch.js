// Fetching a config URL before the component asks for it: the component's
// fetch import is synchronous, JS fetching is not.

import { load } from "./load.js";

/**
 * prefetch fetches url and returns what the fetch-text import answers
 * with: { status, statusText, body } for any HTTP answer (a 404 is a
 * status, which the component turns into PyScript's error), or { error }
 * when no answer came.
 */
export async function prefetch(url) {
  try {
    if (url.startsWith("file:")) return await readFileAsResponse(url);
    const response = await fetch(url);
    return { status: response.status, statusText: response.statusText, body: await response.text() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** A file: URL read as an HTTP answer would be: 200, or 404 when the file is missing. */
async function readFileAsResponse(url) {
  try {
    return { status: 200, statusText: "OK", body: await load(url, "text", "the config file") };
  } catch (e) {
    if (e.cause?.code === "ENOENT") return { status: 404, statusText: "Not Found", body: "" };
    throw e;
  }
}
