namespace Plenum.Bench;

/// <summary>Finds ../shared/conformance beside the repository root, where the published ballots are.</summary>
static class SharedData
{
    public static string PathOf(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Plenum.sln")))
                return Path.Combine([dir.FullName, "..", "shared", "conformance", .. parts]);
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Plenum.sln")))
                return Path.Combine([dir.FullName, "..", "shared", "conformance", .. parts]);
        throw new DirectoryNotFoundException("Run from inside the repository, with ../shared beside it.");
    }
}
