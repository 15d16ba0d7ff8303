using System.Reflection;
using DvFlow.Model.Definitions;
using DvFlow.Model.Loading;

namespace DvFlow.Model.Tests.Loading;

/// <summary>
/// Holds FlowFileReader's key lists and the definition records together: every key a mapping accepts is read into a
/// property of its record (or is listed below as metadata with no effect, with the reason), and every property of a
/// record is filled from some key. Adding a key to the reader without a place in the record, or a property to a record
/// without a key, fails here.
/// </summary>
public class KeyTableTests
{
    /// <summary>A key with no property of its own: it has no effect on the definition, and why that is right.</summary>
    private sealed record Unstored(string Reason);

    private const string Metadata = "dfm's descriptive metadata; it has no meaning for a build";

    // key → the record property it fills (several keys may fill one property), or Unstored.
    private static readonly Dictionary<string, (string Field, Type Record, Dictionary<string, object> Keys, string[] Derived)> Table = new()
    {
        ["package"] = ("PackageKeys", typeof(FlowFileDef), new()
        {
            ["name"] = "Name", ["desc"] = "Desc", ["doc"] = "Doc", ["with"] = "Params", ["imports"] = "Imports", ["types"] = "Types",
            ["tasks"] = "Tasks", ["configs"] = "Configs", ["fragments"] = "Fragments", ["overrides"] = "Overrides",
            ["uses"] = new Unstored("package inheritance is not implemented; the reader warns that the key is ignored (issue #11)"),
            ["type"] = new Unstored("accepted and not read, without a warning: reported on issue #11"),
            ["tags"] = new Unstored(Metadata), ["srcinfo"] = new Unstored(Metadata), ["version"] = new Unstored(Metadata),
        }, ["FilePath", "IsPackage", "Location"]),
        ["fragment"] = ("FragmentKeys", typeof(FlowFileDef), new()
        {
            ["name"] = "Name", ["desc"] = "Desc", ["doc"] = "Doc", ["imports"] = "Imports", ["types"] = "Types", ["tasks"] = "Tasks",
            ["fragments"] = "Fragments", ["tags"] = new Unstored(Metadata), ["srcinfo"] = new Unstored(Metadata),
        }, ["FilePath", "IsPackage", "Location", "Params", "Configs", "Overrides"]),
        ["task"] = ("TaskKeys", typeof(TaskDef), new()
        {
            ["name"] = "Name", ["root"] = "Scope", ["export"] = "Scope", ["local"] = "Scope", ["scope"] = "Scope", ["override"] = "Override",
            ["uses"] = "Uses", ["type"] = "Uses", ["needs"] = "Needs", ["feeds"] = "Feeds", ["with"] = "With", ["iff"] = "Iff",
            ["consumes"] = "Consumes", ["passthrough"] = "Passthrough", ["produces"] = "Produces", ["rundir"] = "Rundir",
            ["body"] = "Body", ["tasks"] = "Body", ["desc"] = "Desc", ["doc"] = "Doc", ["shell"] = "Shell", ["run"] = "Run",
            ["pytask"] = "Run", ["uptodate"] = "Uptodate", ["strategy"] = "Strategy", ["tags"] = "Tags",
            ["cache"] = new Unstored("dfm's result cache; not implemented here (issue #11)"), ["srcinfo"] = new Unstored(Metadata),
        }, ["Location", "FragmentFile", "RunLocation", "RunNode", "IsCompound"]),
        ["type"] = ("TypeKeys", typeof(TypeDef), new()
        {
            ["name"] = "Name", ["uses"] = "Uses", ["with"] = "With", ["doc"] = "Doc", ["desc"] = "Desc",
            ["tags"] = new Unstored(Metadata), ["srcinfo"] = new Unstored(Metadata),
        }, ["Location", "FragmentFile"]),
        ["config"] = ("ConfigKeys", typeof(ConfigDef), new()
        {
            ["name"] = "Name", ["uses"] = "Uses", ["with"] = "With", ["overrides"] = "Overrides", ["extensions"] = "Extensions",
            ["tasks"] = "Tasks", ["types"] = "Types", ["imports"] = "Imports", ["fragments"] = "Fragments", ["desc"] = "Desc",
            ["doc"] = new Unstored("a config's documentation is not shown by any command yet"), ["srcinfo"] = new Unstored(Metadata),
        }, ["Location"]),
        ["import"] = ("ImportKeys", typeof(ImportDef), new()
        {
            ["name"] = "Target", ["path"] = "Target", ["from"] = "Target", ["as"] = "Alias", ["config"] = "Config", ["with"] = "With",
            ["srcinfo"] = new Unstored(Metadata),
        }, ["IsPath", "Location", "ImportingFile"]),
        ["extension"] = ("ExtensionKeys", typeof(ExtensionDef), new()
        {
            ["task"] = "Task", ["name"] = "Task", ["uses"] = "Uses", ["with"] = "With", ["needs"] = "Needs", ["srcinfo"] = new Unstored(Metadata),
        }, ["Location"]),
        ["override"] = ("OverrideKeys", typeof(PackageOverrideDef), new()
        {
            ["override"] = "Target", ["name"] = "Target", ["with"] = "Replacement", ["value"] = "Value",
        }, ["Location"]),
        ["strategy"] = ("StrategyKeys", typeof(StrategyDef), new()
        {
            ["matrix"] = "Matrix", ["generate"] = "Generate", ["chain"] = "Chain", ["body"] = "Body",
        }, ["Location"]),
        ["generate"] = ("GenerateKeys", typeof(GenerateDef), new() { ["shell"] = "Shell", ["run"] = "Run" }, ["Location"]),
        ["parameter"] = ("", typeof(ParamDef), new()
        {
            ["type"] = "Type", ["value"] = "Value", ["doc"] = "Doc", ["desc"] = "Desc", ["append"] = "Append", ["prepend"] = "Prepend",
            ["path-append"] = "PathAppend", ["path-prepend"] = "PathPrepend", ["srcinfo"] = new Unstored(Metadata),
        }, ["Name", "Location", "IsLongForm", "HasListOp"]),
    };

    public static TheoryData<string> Mappings() => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Mappings))]
    public void EveryAcceptedKeyHasAPlaceAndEveryPropertyAKey(string mapping)
    {
        var (field, record, keys, derived) = Table[mapping];
        var accepted = field == "" ? ParamDef.LongFormKeys
            : (IReadOnlyCollection<string>)typeof(FlowFileReader).GetField(field, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        Assert.Equal(accepted.Order(StringComparer.Ordinal), keys.Keys.Order(StringComparer.Ordinal));

        var properties = record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract").Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, place) in keys)
            if (place is string property) Assert.True(properties.Contains(property), $"{mapping} key '{key}' names {record.Name}.{property}, which does not exist");
        var filled = keys.Values.OfType<string>().Concat(derived).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(properties, p => !filled.Contains(p));
    }
}
