export function hello() {
  return "Hello from JavaScript in a web worker!";
}
