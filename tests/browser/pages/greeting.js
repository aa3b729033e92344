export const hello = () => 'Hello from JavaScript!';
