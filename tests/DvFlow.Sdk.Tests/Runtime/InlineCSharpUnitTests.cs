using DvFlow.Tasks.Runtime.CSharp;

namespace DvFlow.Sdk.Tests.Runtime;

public class InlineCSharpUnitTests
{
    [Theory]
    [InlineData("MyLib.Tasks.Greet", false)]
    [InlineData("  MyLib.Compile  ", false)]
    [InlineData("MyLib.Outer+Inner", false)]
    [InlineData("MyLib.Memo.Count, MyLib", false)]
    [InlineData("Greet", false)]
    [InlineData("ctxt.Info(\"hi\");", true)]
    [InlineData("var x = 1;\nreturn null;", true)]
    [InlineData("return new TaskDataResult();", true)]
    public void ReferencesAreToldApartFromInlineCode(string run, bool inline)
        => Assert.Equal(inline, InlineCSharp.IsInline(run));
}
