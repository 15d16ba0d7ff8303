// Prints a greeting with the +name plusarg and checks a small sum.
module hello;
  string name;
  int sum;
  initial begin
    if (!$value$plusargs("name=%s", name)) name = "world";
    sum = 0;
    for (int i = 1; i <= 10; i++) sum += i;
    if (sum != 55) $error("sum is %0d, expected 55", sum);
    $display("hello, %s: sum=%0d", name, sum);
    $finish;
  end
endmodule
