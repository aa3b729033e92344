module github.com/execctx/execctx

go 1.26
