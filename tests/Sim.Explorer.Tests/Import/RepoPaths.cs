namespace Sim.Explorer.Tests.Import;

/// <summary>Locates the checked-in inputs from the test binary's folder (the repository root holds Sim.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Workloads => Path.Combine(Root, "workloads");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sim.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"no Sim.sln above {AppContext.BaseDirectory}");
    }
}
