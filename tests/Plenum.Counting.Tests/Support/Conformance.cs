namespace Plenum.Counting.Tests.Support;

/// <summary>Finds ../shared/conformance beside the repository root, read in place.</summary>
public static class Conformance
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "conformance");
            if (File.Exists(Path.Combine(dir.FullName, "Plenum.sln")) && Directory.Exists(candidate))
                return Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException("../shared/conformance not found beside the repository root");
    }
}
