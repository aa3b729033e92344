// execctx/auto runs the PyScript tags of the page it is loaded on (see
// docs/python.md, "PyScript pages with execctx/auto"); it exports nothing.
export {};
