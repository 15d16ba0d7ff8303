using DvFlow.Model.Diagnostics;

namespace DvFlow.Model.Definitions;

/// <summary>
/// An entry of a config's <c>overrides:</c>. <c>override: hdlsim</c> + <c>with: hdlsim.xcelium</c>
/// makes every reference to package <c>hdlsim</c> resolve to <c>hdlsim.xcelium</c>;
/// <c>override: pkg.param</c> + <c>value: v</c> sets a parameter.
/// </summary>
public sealed record PackageOverrideDef(NameRef Target, NameRef? Replacement, Yaml.YNode? Value, SourceLocation Location);
