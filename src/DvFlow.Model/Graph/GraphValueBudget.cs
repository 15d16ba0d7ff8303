using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Graph;

/// <summary>
/// Bounds the total size of what a graph's tasks carry (parameter values and commands) by
/// <see cref="FlowLimits.MaxGraphValueChars"/>. Each value is bounded on its own; this catches many tasks sharing one
/// large value, which costs nothing in memory but is written once per task into the plan.
/// </summary>
internal static class GraphValueBudget
{
    /// <summary>Reports (once, at the task that crosses it) when the tasks' values together exceed the budget.</summary>
    public static void Check(IEnumerable<TaskNode> nodes, DiagnosticBag diagnostics)
    {
        var left = FlowLimits.MaxGraphValueChars;
        foreach (var node in nodes)
        {
            left -= node.Run?.Length ?? 0;
            string? largest = null;
            var largestSize = -1L;
            foreach (var (name, value) in node.ParamValues)
            {
                var before = left;
                left = Spend(value, left);
                if (before - left > largestSize) (largest, largestSize) = (name, before - left);
                if (left < 0) break;
            }
            if (left >= 0) continue;
            var what = largest is null ? "its command" : $"its parameter '{largest}' holds at least {largestSize} characters";
            diagnostics.Error(DiagnosticCodes.LimitExceeded,
                $"the tasks' parameter values and commands exceed {FlowLimits.MaxGraphValueChars} characters together at task '{node.Name}' ({what}); every task's values are written into the plan",
                node.Location);
            return;
        }
    }

    // Subtracts the characters the value renders to (roughly, as JSON); stops as soon as the budget is spent, so a
    // list that repeats a large list costs no more time than the budget.
    private static long Spend(object? value, long left)
    {
        switch (value)
        {
            case string s: return left - s.Length - 2;
            case IReadOnlyDictionary<string, object?> map:
                left -= 2;
                foreach (var (k, v) in map)
                {
                    left = Spend(v, left - k.Length - 4);
                    if (left < 0) return left;
                }
                return left;
            case IReadOnlyList<object?> list:
                left -= 2;
                foreach (var v in list)
                {
                    left = Spend(v, left - 2);
                    if (left < 0) return left;
                }
                return left;
            default: return left - 8;
        }
    }
}
