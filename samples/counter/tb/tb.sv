`include "counter_defs.svh"

// Self-checking testbench: counts with enable toggling, checks against a model, then checks wrap-around.
module tb;
  logic clk = 0;
  logic rst = 1;
  logic en  = 0;
  logic [`COUNTER_WIDTH-1:0] count;
  int unsigned expected = 0;
  int unsigned errors = 0;
  int unsigned cycles = 300;

  counter dut (.clk(clk), .rst(rst), .en(en), .count(count));

  always #5 clk = ~clk;

  initial begin
    if ($test$plusargs("trace")) begin
      $dumpfile("counter.fst");
      $dumpvars(0, tb);
    end
    if ($value$plusargs("cycles=%d", cycles)) $display("running %0d cycles", cycles);
    repeat (2) @(posedge clk);
    #1 rst = 0;
    for (int i = 0; i < cycles; i++) begin
      en = (i % 3) != 0;
      @(posedge clk);
      #1;
      if (en) expected = (expected + 1) % (1 << `COUNTER_WIDTH);
      if (count !== expected[`COUNTER_WIDTH-1:0]) begin
        errors++;
        $error("cycle %0d: count is %0d, expected %0d", i, count, expected);
      end
    end
`ifdef FORCE_FAIL
    $fatal(1, "FORCE_FAIL is defined: failing on purpose");
`endif
    if (errors != 0) $fatal(1, "%0d mismatch(es)", errors);
    $display("PASS: counter counted %0d cycles correctly", cycles);
    $finish;
  end
endmodule
