// Calls the C model through DPI-C and checks each result against a SystemVerilog reference.
module tb;
  import "DPI-C" function int dpi_gcd(input int a, input int b);
  import "DPI-C" function int dpi_popcount(input bit [31:0] word);

  function automatic int ref_gcd(int a, int b);
    while (b != 0) begin
      int t = a % b;
      a = b;
      b = t;
    end
    return a;
  endfunction

  int count = 20;
  int errors = 0;
  int unsigned a, b;
  bit [31:0] word;

  initial begin
    void'($value$plusargs("count=%d", count));
    for (int i = 0; i < count; i++) begin
      a = 1 + ($urandom % 1000);
      b = 1 + ($urandom % 1000);
      word = $urandom;
      if (dpi_gcd(a, b) != ref_gcd(a, b)) begin
        $error("dpi_gcd(%0d, %0d) = %0d, expected %0d", a, b, dpi_gcd(a, b), ref_gcd(a, b));
        errors++;
      end
      if (dpi_popcount(word) != $countones(word)) begin
        $error("dpi_popcount(%h) = %0d, expected %0d", word, dpi_popcount(word), $countones(word));
        errors++;
      end
    end
    if (errors == 0) $display("PASS: %0d DPI-C calls of each function matched the SystemVerilog model", count);
    $finish;
  end
endmodule
