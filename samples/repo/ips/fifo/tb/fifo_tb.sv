// Random-stimulus testbench for the FIFO with a queue as reference model.
//   +TEST=smoke|fill|drain|stress  the stimulus profile (push probability and length)
//   +SEED=<n>                      the random seed
//   +SCALE=<n>                     multiply the test's length by n
//   +FAIL_SEED=<n>                 corrupt one expected value when SEED equals n (a deliberate failure)
module fifo_tb;
  localparam int WIDTH = 16;
  localparam int DEPTH = 8;

  logic clk = 0, rst_n = 0, push = 0, pop = 0;
  logic [WIDTH-1:0] din = '0, dout;
  logic full, empty;

  fifo #(.WIDTH(WIDTH), .DEPTH(DEPTH)) dut (.*);

  always #5 clk = ~clk;

  string test = "smoke";
  int seed = 1, fail_seed = 0, scale = 1;
  int cycles, push_pct, pop_pct;
  int pushes = 0, pops = 0, errors = 0;
  logic [WIDTH-1:0] model[$];
  logic [WIDTH-1:0] expected;
  logic do_push, do_pop;

  initial begin
    void'($value$plusargs("TEST=%s", test));
    void'($value$plusargs("SEED=%d", seed));
    void'($value$plusargs("FAIL_SEED=%d", fail_seed));
    void'($value$plusargs("SCALE=%d", scale));
    case (test)
      "smoke":  begin cycles =  20000; push_pct = 50; pop_pct = 50; end
      "fill":   begin cycles =  40000; push_pct = 80; pop_pct = 30; end
      "drain":  begin cycles =  40000; push_pct = 30; pop_pct = 80; end
      "stress": begin cycles =  80000; push_pct = 60; pop_pct = 60; end
      default:  $fatal(1, "unknown test '%s'", test);
    endcase
    cycles *= scale;
    void'($urandom(seed));
    $display("test=%s seed=%0d cycles=%0d", test, seed, cycles);
    $system("date +'wallclock start %s.%N'");
    repeat (2) @(posedge clk);
    rst_n = 1;
    repeat (cycles) begin
      @(negedge clk);
      push = ($urandom % 100) < push_pct;
      pop  = ($urandom % 100) < pop_pct;
      din  = WIDTH'($urandom);
      // The flags hold until the next rising edge, which performs exactly these operations.
      do_pop  = pop && !empty;
      do_push = push && !full;
      if (full !== (model.size() == DEPTH) || empty !== (model.size() == 0)) begin
        errors++;
        if (errors <= 5) $error("test %s seed %0d: full=%b empty=%b with %0d entries", test, seed, full, empty, model.size());
      end
      if (do_pop) begin
        expected = model.pop_front();
        if (seed == fail_seed && pops == 100) expected = ~expected;
        if (dout !== expected) begin
          errors++;
          if (errors <= 5) $error("test %s seed %0d: pop %0d read %h, expected %h", test, seed, pops, dout, expected);
        end
        pops++;
      end
      if (do_push) begin
        model.push_back(din);
        pushes++;
      end
      @(posedge clk);
    end
    $system("date +'wallclock end %s.%N'");
    if (errors == 0) $display("PASS: test=%s seed=%0d pushes=%0d pops=%0d", test, seed, pushes, pops);
    else $display("FAIL: test=%s seed=%0d errors=%0d", test, seed, errors);
    $finish;
  end
endmodule
