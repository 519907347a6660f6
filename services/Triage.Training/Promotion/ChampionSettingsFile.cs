using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Triage.Contracts;

namespace Triage.Training.Promotion;

/// <summary>Configuration section <c>Training</c>: where the serving champion is written for the next start.</summary>
public sealed class ChampionSettingsOptions
{
    public const string Section = "Training";

    /// <summary>Relative to the content root. The host reads it at start, above <c>deploy/models/serving.json</c> and
    /// below every other setting, so a restarted instance serves the champion, not the file it was first configured with.</summary>
    public string ChampionSettingsPath { get; set; } = "data/serving-champion.json";
}

/// <summary>Writes the <c>Inference</c> settings of an announced champion (student, teacher, thresholds), whole or not at all.</summary>
public sealed class ChampionSettingsFile(IOptions<ChampionSettingsOptions> options, IHostEnvironment environment)
{
    public string FullPath => Path.GetFullPath(options.Value.ChampionSettingsPath, environment.ContentRootPath);

    public async Task WriteAsync(ModelPromoted promotion, CancellationToken cancellationToken)
    {
        var inference = new Dictionary<string, object>
        {
            ["ModelPath"] = promotion.StudentModelPath,
            ["TeacherModelPath"] = promotion.TeacherModelPath ?? "",
        };
        if (promotion.Thresholds is { } thresholds)
        {
            inference["Escalation"] = thresholds;
        }

        var settings = new { Inference = inference };
        var path = FullPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(settings, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
