// How a start-up benchmark learns that its page is ready without
// touching the page. Playwright's waitForFunction and evaluate run a
// 330 KB utility script in the page the first time either is used after
// a navigation, on the page's main thread. A Chromium trace of a visit
// showed it taking 17–21 ms in the middle of execctx's start-up, while
// the floors' pages, which wait on background compilation, hardly
// noticed. So the pages of the start-up benchmarks log READY_LINE once
// their results are set, and the benchmarks wait for that line (the
// browser reports console messages whatever the page does), evaluating
// nothing in the page before it.

/** READY_LINE is what a start-up page logs (console.info) once window.results, or pyReady, is set. */
export const READY_LINE = "execctx-bench: ready";

/**
 * gotoReady navigates page (an engines.mjs page) to url, waits for it to
 * log READY_LINE, and only then evaluates read in it (window.results by
 * default), returning what read returns.
 */
export async function gotoReady(page, url, { read = () => window.results, timeout = 120000 } = {}) {
  const logged = readyLine(page, timeout);
  await page.goto(url);
  await logged;
  return page.evaluate(read);
}

/**
 * readyLine resolves when page (an engines.mjs page) logs READY_LINE, and
 * rejects after timeout ms. Call it before page.goto, so that a page that
 * is ready before goto returns is not missed.
 */
function readyLine(page, timeout) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the page did not log ${JSON.stringify(READY_LINE)} within ${timeout} ms`)), timeout);
    page.onConsole((type, text) => {
      if (text !== READY_LINE) return;
      clearTimeout(timer);
      resolve();
    });
  });
}
