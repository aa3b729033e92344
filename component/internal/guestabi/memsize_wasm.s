#include "textflag.h"

// func linearMemoryPages() uint32
TEXT ·linearMemoryPages(SB), NOSPLIT, $0-4
	Get SP
	CurrentMemory
	I32Store ret+0(FP)
	RET
