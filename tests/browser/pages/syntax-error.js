// A worker script that cannot be parsed.
const x = = 1;
