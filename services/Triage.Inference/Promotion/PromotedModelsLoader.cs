using Microsoft.Extensions.Options;
using Triage.Contracts;
using Triage.Domain.Escalation;
using Triage.Inference.Models;

namespace Triage.Inference.Promotion;

/// <summary>
/// Loads the models a <see cref="ModelPromoted"/> names beside those serving: checks the files exist, meet the
/// model contract, declare the promoted versions and take the features the serving student takes (what
/// intake sends), and runs each once. Nothing serves from here until
/// the caller swaps the result in.
/// </summary>
public sealed class PromotedModelsLoader(ServingModelsLoader loader, IOptions<InferenceOptions> options)
{
    /// <exception cref="PromotionRefusedException">A file is missing or declares another version, or the thresholds are unusable.</exception>
    /// <exception cref="ModelContractException">A file does not meet the model contract.</exception>
    public ServingModels Load(ModelPromoted promotion, ModelContract serving)
    {
        ArgumentNullException.ThrowIfNull(serving);
        ArgumentNullException.ThrowIfNull(promotion);
        var teacherPath = string.IsNullOrWhiteSpace(promotion.TeacherModelPath) ? null : promotion.TeacherModelPath;
        var thresholds = teacherPath is null ? EscalationThresholds.Never : Thresholds(promotion);
        RequireFile("student", promotion.StudentModelPath);
        if (teacherPath is not null)
        {
            RequireFile("teacher", teacherPath);
        }

        var models = loader.Load(promotion.StudentModelPath, teacherPath, thresholds);
        try
        {
            RequireVersion("student", models.Student, promotion.StudentModelVersion);
            RequireFeatures(models.Student.Contract, serving);
            if (models.Teacher is { } teacher)
            {
                RequireVersion("teacher", teacher, promotion.TeacherModelVersion);
            }

            ModelWarmUp.Run(models);
            return models;
        }
        catch
        {
            models.Dispose();
            throw;
        }
    }

    private EscalationThresholds Thresholds(ModelPromoted promotion)
    {
        EscalationThresholds thresholds;
        if (promotion.Thresholds is { } sent)
        {
            thresholds = new EscalationThresholds(sent.MinimumConfidence, sent.CancerBandLow, sent.CancerBandHigh);
        }
        else if (options.Value.Escalation is { } configured && !configured.Missing().Any())
        {
            thresholds = configured.ToThresholds();
        }
        else
        {
            throw new PromotionRefusedException("it names a teacher but no thresholds, and Inference:Escalation configures none.");
        }

        try
        {
            thresholds.Validate();
            return thresholds;
        }
        catch (ArgumentOutOfRangeException outOfRange)
        {
            throw new PromotionRefusedException($"its thresholds are unusable: {outOfRange.Message}");
        }
    }

    private void RequireFile(string role, string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(loader.FullPath(path)))
        {
            throw new PromotionRefusedException($"the {role} file '{path}' does not exist.");
        }
    }

    private static void RequireFeatures(ModelContract promoted, ModelContract serving)
    {
        if (promoted.FeatureEncoding != serving.FeatureEncoding || promoted.MetadataWidth != serving.MetadataWidth)
        {
            throw new PromotionRefusedException(
                $"the student takes features '{promoted.FeatureEncoding}' ({promoted.MetadataWidth} values), the serving one " +
                $"'{serving.FeatureEncoding}' ({serving.MetadataWidth}); cases are encoded for the serving one.");
        }
    }

    private static void RequireVersion(string role, OnnxClassifier classifier, string? promoted)
    {
        if (classifier.Contract.ModelVersion != promoted)
        {
            throw new PromotionRefusedException(
                $"the {role} file '{classifier.ModelPath}' declares version '{classifier.Contract.ModelVersion}', the promotion '{promoted}'.");
        }
    }
}
