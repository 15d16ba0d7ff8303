namespace DvFlow.Sdk.Tests.TestSupport;

/// <summary>A small C# task library project written into a flow project's folder (lib/Lib.csproj), compiled against the packed SDK's task API.</summary>
public static class CSharpTestLibrary
{
    public const string ProjectReference = "<ItemGroup><ProjectReference Include=\"lib/Lib.csproj\" /></ItemGroup>";

    public const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <Reference Include="DvFlow.TaskApi" HintPath="$([System.IO.Path]::GetDirectoryName('$(DvFlowTasksAssembly)'))/DvFlow.TaskApi.dll" Private="false" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>Writes lib/Lib.csproj and lib/Lib.cs (the given C# source) into <paramref name="p"/>.</summary>
    public static void WriteInto(FlowProject p, string source)
    {
        p.Write("lib/Lib.csproj", Project);
        p.Write("lib/Lib.cs", source);
    }

    /// <summary>The packed SDK's DvFlow.Tasks.dll (the SDK package is extracted by the first restore of a flow project).</summary>
    public static string TasksAssembly(SdkFeed feed) => Path.Combine(feed.Packages, "dvflow.sdk", feed.Version, "tasks", "DvFlow.Tasks.dll");
}
