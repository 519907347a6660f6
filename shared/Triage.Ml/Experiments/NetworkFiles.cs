using System.Text.Json;

namespace Triage.Ml.Experiments;

/// <summary>A weights file and its description (<c>F.network.json</c>) beside it.</summary>
public static class NetworkFiles
{
    public static string DescriptionPath(string weights) => weights + ".network.json";

    public static void Write(string weights, string trainedWeights, NetworkDescription description)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(weights)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        File.Copy(trainedWeights, weights, overwrite: true);
        File.WriteAllText(DescriptionPath(weights), JsonSerializer.Serialize(description));
    }

    public static NetworkDescription ReadDescription(string weights) =>
        JsonSerializer.Deserialize<NetworkDescription>(File.ReadAllText(DescriptionPath(weights)))
        ?? throw new InvalidDataException($"{DescriptionPath(weights)} does not describe a network.");
}
