namespace Sim.Mapping.Tests.Layers;

/// <summary>The repository root (the folder with Sim.sln), found from the test binary's folder.</summary>
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

        throw new InvalidOperationException("Sim.sln not found above " + AppContext.BaseDirectory);
    }
}
