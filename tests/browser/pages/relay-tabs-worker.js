// A relayed worker of relay-tabs.js: n blocking calls, each answer checked.
const { sync } = await import(self.execctx.url);

sync.calls = (tab, n) => {
  let own = 0;
  const foreign = [];
  for (let i = 0; i < n; i++) {
    const got = sync.tag(i);
    if (got === `${tab}:${i}`) own++;
    else foreign.push(got);
  }
  return { own, foreign: foreign.slice(0, 5) };
};
