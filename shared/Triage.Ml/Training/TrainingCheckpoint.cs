using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace Triage.Ml.Training;

/// <summary>
/// The last finished epoch (weights, optimiser state, stopping state, history) and the best weights,
/// in one folder. A run that stops is resumed from the last finished epoch.
/// </summary>
public sealed class TrainingCheckpoint(string folder)
{
    private string LastWeights => Path.Combine(folder, "last.weights");
    private string LastOptimizer => Path.Combine(folder, "last.optimizer");
    private string LastState => Path.Combine(folder, "last.json");

    public string BestWeights => Path.Combine(folder, "best.weights");

    public sealed record State(int Epoch, int Step, double Best, int BestEpoch, int EpochsWithoutImprovement, List<EpochRecord> History);

    public State? TryLoad(nn.Module network, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        if (!File.Exists(LastState))
        {
            return null;
        }

        network.load(LastWeights);
        optimizer.load_state_dict(LastOptimizer);
        return JsonSerializer.Deserialize<State>(File.ReadAllText(LastState));
    }

    public void Save(nn.Module network, TorchSharp.Modules.OptimizerHelper optimizer, State state, bool best)
    {
        Directory.CreateDirectory(folder);
        // Write beside, then move: a crash mid-write leaves the previous checkpoint intact.
        network.save(LastWeights + ".tmp");
        optimizer.save_state_dict(LastOptimizer + ".tmp");
        File.WriteAllText(LastState + ".tmp", JsonSerializer.Serialize(state));
        File.Move(LastWeights + ".tmp", LastWeights, overwrite: true);
        File.Move(LastOptimizer + ".tmp", LastOptimizer, overwrite: true);
        File.Move(LastState + ".tmp", LastState, overwrite: true);
        if (best)
        {
            File.Copy(LastWeights, BestWeights, overwrite: true);
        }
    }
}
