using DvFlow.Tasks.Testing;

namespace DvFlow.Tasks.Tests.Testing;

/// <summary>--logger arguments and the files they name, as vstest's TRX logger and JunitXml.TestLogger name them.</summary>
public class TestLoggerSpecTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 20, 30, TimeSpan.Zero);

    private static string? FileOf(string logger)
    {
        var spec = TestLoggerSpec.Parse(logger, out var error);
        Assert.True(spec is not null, error);
        return spec!.FilePath("/r/res", "/r/proj", "ip", Now);
    }

    [Fact]
    public void FilesAreNamedAsTheRealLoggersNameThem()
    {
        Assert.Equal("/r/res/x.trx", FileOf("trx;LogFileName=x.trx"));
        Assert.Matches(@"^/r/res/pre_2026-12-04_\d\d_20_30\.trx$", FileOf("trx;LogFilePrefix=pre"));
        Assert.Matches($@"^/r/res/{Environment.UserName}_{Environment.MachineName}_2026-12-04_\d\d_20_30\.trx$", FileOf("trx"));
        Assert.Equal("/r/res/TestResults.xml", FileOf("junit"));
        Assert.Equal("/r/res/ip.dvflow.xml", FileOf("junit;LogFileName={assembly}.{framework}.xml"));
        Assert.Equal("/r/proj/ci/ip.xml", FileOf("JUnit;LogFilePath=ci/{assembly}.xml"));
        Assert.Equal("/abs/j.xml", FileOf("junit;LogFilePath=/abs/j.xml"));
        Assert.Null(FileOf("console;verbosity=detailed"));
        Assert.True(TestLoggerSpec.Parse("trx", out _)!.NamesUniqueFile);
        Assert.False(TestLoggerSpec.Parse("trx;LogFileName=a.trx", out _)!.NamesUniqueFile);
        Assert.True(TestLoggerSpec.Parse("console;verbosity=normal", out _)!.ListsPassedTests);
        Assert.False(TestLoggerSpec.Parse("console;verbosity=minimal", out _)!.ListsPassedTests);
    }

    [Theory]
    [InlineData("html", "--logger \"html\": flow projects write 'trx', 'junit' and 'console' results, not 'html'")]
    [InlineData("junit;MethodFormat=Class", "--logger \"junit;MethodFormat=Class\": the junit logger of flow projects has no option 'MethodFormat'; its options are LogFileName, LogFilePath")]
    [InlineData("trx;LogFileName", "--logger \"trx;LogFileName\": 'LogFileName' is not an option (write key=value)")]
    [InlineData("console;verbosity=loud", "--logger \"console;verbosity=loud\": verbosity is quiet, minimal, normal or detailed, not 'loud'")]
    public void ALoggerOrOptionNotWrittenIsRefused(string logger, string message)
    {
        Assert.Null(TestLoggerSpec.Parse(logger, out var error));
        Assert.Equal(message, error);
    }
}
