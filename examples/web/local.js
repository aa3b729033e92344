// A local module for js_import and js_modules.
export const greeting = () => "Hello from a local module!";
