// Shared by the counter and its testbench: the counter width.
`ifndef COUNTER_DEFS_SVH
`define COUNTER_DEFS_SVH
`define COUNTER_WIDTH 8
`endif
