using System.Reflection;
using Triage.Ml.Pretrained;

namespace Triage.Ml.Tests.Pretrained;

/// <summary>
/// The ONNX files of the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18, which the test project
/// restores (without referencing its assemblies); the folder restore used is compiled in, with
/// NUGET_PACKAGES and ~/.nuget/packages as fallbacks.
/// </summary>
internal static class ResNet18OnnxFiles
{
    private const string Package = "microsoft.ml.dnnimagefeaturizer.resnet18";
    private const string Version = "0.23.1";

    public static string PackageFolder { get; } = Find();

    public static string ResNet18 => ResNet18Onnx.PathInPackage(PackageFolder);

    public static string Preprocess => ResNet18Onnx.PreprocessPathBeside(ResNet18);

    private static string Find()
    {
        var compiledIn = typeof(ResNet18OnnxFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "ResNet18PackageFolder")?.Value;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var candidates = new[]
        {
            compiledIn,
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } root ? Path.Combine(root, Package, Version) : null,
            Path.Combine(home, ".nuget", "packages", Package, Version),
        };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(ResNet18Onnx.PathInPackage(c)))
            ?? throw new FileNotFoundException(
                $"The package {Package} {Version} was not found (restore tests/Triage.Ml.Tests); looked in: {string.Join(", ", candidates.Where(c => c is not null))}.");
    }
}
