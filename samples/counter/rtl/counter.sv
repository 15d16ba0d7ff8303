`include "counter_defs.svh"

// An up-counter with synchronous reset and enable; wraps at 2**COUNTER_WIDTH.
module counter (
  input  logic                      clk,
  input  logic                      rst,
  input  logic                      en,
  output logic [`COUNTER_WIDTH-1:0] count
);
  always_ff @(posedge clk)
    if (rst)     count <= '0;
    else if (en) count <= count + 1'b1;
endmodule
