using DvFlow.Tasks.Runtime;

namespace DvFlow.Tasks.Tests.Runtime;

public class TargetNamesTests
{
    [Theory]
    [InlineData("pkg.task", "DvFlow_pkg__task")]
    [InlineData("my_ip.top.sub_0_1", "DvFlow_my_ip__top__sub_0_1")]
    [InlineData("a-b.c", "DvFlow_a-b__c")]
    public void CanonicalNamesHaveNoDots(string node, string target) => Assert.Equal(target, TargetNames.Canonical(node));

    [Theory]
    [InlineData("sim", true)]
    [InlineData("build", false)]
    [InlineData("Clean", false)]
    [InlineData("DvFlowThing", false)]
    [InlineData("_hidden", false)]
    public void ShortNamesAvoidStandardTargets(string name, bool alias) => Assert.Equal(alias, TargetNames.CanAlias(name));
}
