using DvFlow.Model.Expressions;
using Xunit;

namespace DvFlow.Model.Tests.Expressions;

public class FuzzTests
{
    private static readonly string[] Tokens =
    [
        "1", "0", "-1", "2.5", "0x10", "1e3", "'a'", "\"b\"", "''", "true", "false", "null", "None",
        "width", "height", "ratio", "flag", "name", "items", "nums", "params", "params.target", "matrix.inner.deep",
        "nothing", "undefined", "a.b.c",
        "+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", "<=", ">", ">=",
        "and", "or", "not", "in", "not in", "if", "else", "&&", "||", "!", "|",
        "(", ")", "[", "]", "{", "}", ",", ":", ".",
        "len", "str", "int", "bool", "float", "min", "max", "range", "join", "split", "upper", "lower",
        "contains", "startswith", "endswith", "length", "keys", "values", "sort", "unique", "reverse",
        "first", "last", "flatten", "type", "nosuch", "}}", "${{", "$", "@", "=", "&", "\\", "'", "\"",
    ];

    [Fact]
    public void RandomTokenStringsOnlyEverThrowExpressionException()
    {
        var random = new Random(12345);
        var scope = TestScope.Default();
        int parsed = 0;
        int evaluated = 0;
        for (int i = 0; i < 2000; i++)
        {
            int count = random.Next(1, 12);
            var parts = new List<string>(count);
            for (int k = 0; k < count; k++)
            {
                parts.Add(Tokens[random.Next(Tokens.Length)]);
            }

            string body = string.Join(random.Next(4) == 0 ? "" : " ", parts);
            string text = random.Next(3) switch
            {
                0 => "${{ " + body + " }}",
                1 => "pre ${{ " + body + " }} post",
                _ => body,
            };

            try
            {
                var template = ExpressionTemplate.Parse(text);
                parsed++;
                _ = template.Evaluate(scope);
                evaluated++;
            }
            catch (ExpressionException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                Assert.InRange(ex.Offset, 0, text.Length);
            }
            catch (Exception ex)
            {
                Assert.Fail($"Unexpected {ex.GetType().Name} for text [{text}]: {ex.Message}");
            }
        }

        // Sanity: the generator produces a mix of valid and invalid input.
        Assert.True(parsed > 100, $"only {parsed} parsed");
        Assert.True(evaluated > 50, $"only {evaluated} evaluated");
    }

    [Fact]
    public void StructuredRandomExpressionsOnlyEverThrowExpressionException()
    {
        var random = new Random(777);
        var scope = TestScope.Default();
        string[] atoms = ["1", "-3", "2.5", "0", "'x'", "items", "nums", "params", "width", "flag", "null", "[1, 'a']", "{'k': 2}", "''"];
        string[] binary = ["+", "-", "*", "/", "//", "%", "**", "==", "<", ">=", "in", "and", "or", "|"];
        string[] filters = ["length", "sort", "first", "keys", "upper", "reverse", "flatten", "type", "str", "int", "bool", "float"];
        for (int i = 0; i < 2000; i++)
        {
            string expr = Build(random, atoms, binary, filters, 4);
            try
            {
                _ = ExpressionTemplate.Parse("${{ " + expr + " }}").Evaluate(scope);
            }
            catch (ExpressionException)
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"Unexpected {ex.GetType().Name} for [{expr}]: {ex.Message}");
            }
        }
    }

    private static string Build(Random r, string[] atoms, string[] binary, string[] filters, int depth)
    {
        if (depth == 0 || r.Next(3) == 0)
        {
            return atoms[r.Next(atoms.Length)];
        }

        return r.Next(6) switch
        {
            0 => "(" + Build(r, atoms, binary, filters, depth - 1) + ")",
            1 => "-" + Build(r, atoms, binary, filters, depth - 1),
            2 => Build(r, atoms, binary, filters, depth - 1) + "[" + Build(r, atoms, binary, filters, depth - 1) + "]",
            3 => filters[r.Next(filters.Length)] + "(" + Build(r, atoms, binary, filters, depth - 1) + ")",
            4 => Build(r, atoms, binary, filters, depth - 1) + " if " + Build(r, atoms, binary, filters, depth - 1) + " else " + Build(r, atoms, binary, filters, depth - 1),
            _ => BinaryOrPipe(r, atoms, binary, filters, depth),
        };
    }

    private static string BinaryOrPipe(Random r, string[] atoms, string[] binary, string[] filters, int depth)
    {
        string op = binary[r.Next(binary.Length)];
        string left = Build(r, atoms, binary, filters, depth - 1);
        return op == "|"
            ? left + " | " + filters[r.Next(filters.Length)]
            : left + " " + op + " " + Build(r, atoms, binary, filters, depth - 1);
    }
}
