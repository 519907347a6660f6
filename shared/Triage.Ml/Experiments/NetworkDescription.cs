using Triage.Ml.Models;
using static TorchSharp.torch;

namespace Triage.Ml.Experiments;

/// <summary>What a weights file holds, written beside it, so that it can be rebuilt and loaded.</summary>
public sealed record NetworkDescription(string Kind, string? Variant, bool UseMetadata, int ImageSize)
{
    public const string Student = "student";
    public const string Teacher = "teacher";

    public nn.Module<Tensor, Tensor?, NetworkOutput> Create() => Kind switch
    {
        Student => new StudentNetwork(new StudentNetworkOptions(UseMetadata: UseMetadata)),
        Teacher => new TeacherNetwork(new TeacherNetworkOptions(TeacherTrunks.Parse(Variant!), UseMetadata: UseMetadata)),
        _ => throw new InvalidDataException($"Unknown network kind '{Kind}'."),
    };

    [System.Text.Json.Serialization.JsonIgnore]
    public long PooledFeatureCount => Kind == Student
        ? StudentNetwork.PooledFeatureCount
        : TeacherTrunks.Parse(Variant!).OutputChannels;
}
