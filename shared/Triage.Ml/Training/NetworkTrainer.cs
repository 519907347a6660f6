using System.Diagnostics;
using Triage.Imaging;
using Triage.Ml.Data;
using Triage.Ml.Losses;
using Triage.Ml.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Triage.Ml.Training;

/// <summary>
/// Trains a student or a teacher: AdamW with warm-up and cosine decay, focal loss, optional
/// distillation from a frozen teacher, validation weighted F1 for early stopping, checkpoints every
/// epoch (resumed when found), and a temperature fitted on validation at the end.
/// </summary>
public sealed class NetworkTrainer(TrainingOptions options, TextWriter progress)
{
    public TrainingRun Train(
        nn.Module<Tensor, Tensor?, NetworkOutput> network,
        LesionBatches training,
        LesionBatches validation,
        ImagePreprocessor preprocessor,
        Distillation? distillation = null,
        CancellationToken cancellationToken = default)
    {
        set_num_threads(options.Threads);
        manual_seed(options.Seed);
        var weights = distillation?.Weights ?? DistillationWeights.LabelsOnly;
        var losses = new StudentLosses(
            new FocalLoss(FocalLoss.InverseFrequencyAlpha(training.Labels, 6), options.FocalGamma), weights, distillation);
        var parameters = network.parameters().Concat(losses.Parameters()).ToList();
        var optimizer = optim.AdamW(parameters, options.LearningRate, weight_decay: options.WeightDecay);
        var batchesPerEpoch = (int)Math.Ceiling(training.Count / (double)options.BatchSize);
        if (options.MaxBatchesPerEpoch is { } limit)
        {
            batchesPerEpoch = Math.Min(batchesPerEpoch, limit);
        }

        var schedule = new LearningRateSchedule(options.LearningRate, options.WarmupEpochs * batchesPerEpoch, options.Epochs * batchesPerEpoch);
        var checkpoint = new TrainingCheckpoint(options.CheckpointFolder);
        var stopping = new EarlyStopping(options.Patience);
        var state = checkpoint.TryLoad(network, optimizer);
        var history = state?.History ?? [];
        var step = state?.Step ?? 0;
        if (state is not null)
        {
            stopping.Restore(state.Best, state.BestEpoch, state.EpochsWithoutImprovement);
            progress.WriteLine($"Resuming after epoch {state.Epoch + 1} (best weighted F1 {state.Best:F3} at epoch {state.BestEpoch + 1}).");
        }

        for (var epoch = (state?.Epoch ?? -1) + 1; epoch < options.Epochs && !stopping.ShouldStop; epoch++)
        {
            var clock = Stopwatch.StartNew();
            manual_seed(options.Seed + epoch);
            var random = new Random(HashCode.Combine(options.Seed, epoch));
            network.train();
            var sums = new Dictionary<string, double>();
            var batchIndex = 0;
            foreach (var batch in training.Training(options.BatchSize, random, options.Augmentation, options.Sampling, options.MetadataDropout)
                         .Take(batchesPerEpoch))
            {
                // Stopping between batches keeps the last finished epoch's checkpoint to resume from.
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = schedule.At(step);
                }

                using (var scope = NewDisposeScope())
                {
                    var (images, metadata, labels) = BatchTensors.From(batch, training.Spec);
                    var terms = losses.Compute(network.forward(images, metadata), images, metadata, labels);
                    if (!double.IsFinite(terms.Values.Sum(t => t.Value)))
                    {
                        throw new TrainingDivergedException(epoch, batchIndex);
                    }

                    optimizer.zero_grad();
                    terms.Total.backward();
                    nn.utils.clip_grad_norm_(parameters, options.GradientClipNorm);
                    optimizer.step();
                    foreach (var (name, value) in terms.Values)
                    {
                        sums[name] = sums.GetValueOrDefault(name) + value;
                    }
                }

                step++;
                batchIndex++;
                TrainingProgress.Batch(progress, epoch, options.Epochs, batchIndex, batchesPerEpoch, sums, clock.Elapsed);
            }

            var pass = ValidationPass.Run(network, validation, preprocessor, options.BatchSize);
            var best = stopping.Record(epoch, pass.Metrics.WeightedF1);
            var record = new EpochRecord(epoch, sums.ToDictionary(p => p.Key, p => p.Value / Math.Max(1, batchIndex)), pass.Loss,
                pass.Metrics.Accuracy, pass.Metrics.BalancedAccuracy, pass.Metrics.WeightedF1, clock.Elapsed.TotalSeconds,
                Environment.WorkingSet, best);
            history.Add(record);
            checkpoint.Save(network, optimizer, new TrainingCheckpoint.State(
                epoch, step, stopping.Best, stopping.BestEpoch, stopping.EpochsWithoutImprovement, history), best);
            TrainingProgress.Epoch(progress, record, options.Epochs);
        }

        network.load(checkpoint.BestWeights);
        var bestPass = ValidationPass.Run(network, validation, preprocessor, options.BatchSize);
        var temperature = TemperatureScaling.Fit(bestPass.Logits, bestPass.Labels);
        progress.WriteLine($"Best epoch {stopping.BestEpoch + 1}: weighted F1 {stopping.Best:F3}; temperature {temperature:F3}.");
        return new TrainingRun(history, stopping.BestEpoch, stopping.Best, temperature, checkpoint.BestWeights, bestPass);
    }
}
