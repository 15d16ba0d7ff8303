using System.Globalization;

namespace DvFlow.Tasks.Testing;

/// <summary>Durations as dotnet test's console writes them: <c>&lt; 1 ms</c>, <c>12 ms</c>, <c>3 s</c>, <c>2 m 5 s</c>, <c>1 h 2 m</c>.</summary>
public static class TestDuration
{
    /// <summary>The console form of <paramref name="t"/>.</summary>
    public static string Format(TimeSpan t)
    {
        if (t.TotalHours >= 1) return string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours} h {t.Minutes} m");
        if (t.TotalMinutes >= 1) return string.Create(CultureInfo.InvariantCulture, $"{t.Minutes} m {t.Seconds} s");
        if (t.TotalSeconds >= 1) return string.Create(CultureInfo.InvariantCulture, $"{t.Seconds} s");
        if (t.TotalMilliseconds >= 1) return string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMilliseconds} ms");
        return "< 1 ms";
    }
}
