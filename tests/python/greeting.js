export function hello() {
  return "Hello from JavaScript!";
}
export const _private = "hidden";
