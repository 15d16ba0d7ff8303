using DvFlow.TaskApi;

namespace DvFlow.Model.Graph;

/// <summary>The cells of a matrix strategy: the combinations of its axes' values, and how a cell is named.</summary>
internal static class MatrixCells
{
    /// <summary>The index of the first value equal to <c>values[i]</c>: cells are named by it, so a repeated value names the same cell.</summary>
    public static int FirstIndex(object?[] values, int i)
    {
        for (var j = 0; j < i; j++)
            if (FlowValues.ValueEquals(values[j], values[i])) return j;
        return i;
    }

    /// <summary>Every combination of one index per axis of the given <paramref name="sizes"/>, the last axis fastest; none when an axis is empty.</summary>
    public static IEnumerable<int[]> Combinations(int[] sizes)
    {
        if (sizes.Any(s => s == 0)) yield break;
        var idx = new int[sizes.Length];
        while (true)
        {
            yield return (int[])idx.Clone();
            var k = sizes.Length - 1;
            while (k >= 0 && ++idx[k] == sizes[k]) idx[k--] = 0;
            if (k < 0) yield break;
        }
    }
}
