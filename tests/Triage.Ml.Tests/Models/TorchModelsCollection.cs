namespace Triage.Ml.Tests.Models;

/// <summary>
/// Tests that seed torch's global generator or measure the process's memory run alone: another test
/// drawing random numbers or allocating tensors at the same time would change what they observe.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchModelsCollection
{
    public const string Name = "Torch models";
}
