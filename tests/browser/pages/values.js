// Configs whose values once came out wrong under jco (integers 120–154,
// one-character strings, error positions), read on main and in a module
// worker; the test compares both with the expected values.
export async function readValues(createContext) {
  const config = async (text) => {
    try {
      return (await createContext({ config: text })).config;
    } catch (e) {
      return { error: e.message };
    }
  };
  const ints = Array.from({ length: 256 }, (_, i) => `k${i} = ${i}`).join("\n");
  return {
    toml: await config("a = 123"),
    json: await config('{"x": 1}'),
    timeout: await config("experimental_ffi_timeout = 130"),
    ints: await config(ints),
    chars: await config(JSON.stringify(Object.fromEntries(Array.from({ length: 95 }, (_, i) => [String.fromCharCode(32 + i), String.fromCharCode(32 + i)])))),
    position: await config(`a = [${"1,".repeat(70)}x`),
  };
}
