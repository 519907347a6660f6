namespace Triage.Testing;

/// <summary>Where tests find the repository and the shared PAD-UFES-20 data beside it.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary><c>../shared/data/pad-ufes-20</c> beside the repository (or TRIAGE_PAD_UFES_20).</summary>
    public static string PadUfes20 { get; } =
        Environment.GetEnvironmentVariable("TRIAGE_PAD_UFES_20")
        ?? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "pad-ufes-20"));

    public static string PadUfes20Image(string imageId) => Path.Combine(PadUfes20, "images", imageId);

    /// <summary>A fresh folder under the system temp folder, for files a test writes.</summary>
    public static string NewTempFolder(string prefix)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Triage.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Triage.sln not found above " + AppContext.BaseDirectory);
    }
}
