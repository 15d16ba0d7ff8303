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

    [Fact]
    public void AssignedTargetsAreUniqueIgnoringCaseAndDoNotDependOnDeclarationOrder()
    {
        string[] names = ["p.a", "p.A", "p.c.b", "p.c__b", "p.x-y", "p.x_y", "p.other"];
        var targets = TargetNames.Assign(names);
        Assert.Equal(names.Length, targets.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("DvFlow_p__A", targets["p.A"]);       // 'A' sorts before 'a': it keeps the canonical name
        Assert.Equal("DvFlow_p__c__b", targets["p.c.b"]);  // '.' sorts before '_'
        Assert.Matches("^DvFlow_p__a_[0-9a-f]{8}$", targets["p.a"]);
        Assert.Matches("^DvFlow_p__c__b_[0-9a-f]{8}$", targets["p.c__b"]);
        Assert.Equal("DvFlow_p__other", targets["p.other"]);
        Assert.Equal(targets.OrderBy(t => t.Key, StringComparer.Ordinal), TargetNames.Assign(names.Reverse()).OrderBy(t => t.Key, StringComparer.Ordinal));
    }
}
