using System.Text.Json;
using System.Text.Json.Nodes;
using Triage.Ml.Experiments;

namespace Triage.Ml.Onnx.Export;

/// <summary>
/// Exports a weights file <c>F</c> written by training: <c>F.network.json</c> says which network it holds,
/// training's report <c>F.json</c> holds the fitted temperature.
/// </summary>
public static class TrainedNetworkExport
{
    public static string ReportPath(string weights) => weights + ".json";

    /// <param name="name">triage.model_name; the network's kind (student or teacher) when null.</param>
    /// <param name="temperature">The calibration temperature; read from the report when null.</param>
    /// <returns>The contract the written file declares.</returns>
    /// <exception cref="NetworkExportRefusedException">A file is missing or does not hold what it should.</exception>
    public static ModelDescription Run(
        string weights, string output, string? name, string version, float? temperature, WeightPrecision precision = WeightPrecision.Float32)
    {
        if (!File.Exists(weights))
        {
            throw new NetworkExportRefusedException($"The weights file {weights} does not exist.");
        }

        var description = ReadDescription(weights);
        var calibration = temperature ?? ReportedTemperature(weights);
        if (!(calibration > 0))
        {
            throw new NetworkExportRefusedException($"The calibration temperature must be positive, not {calibration}.");
        }

        var contract = ExportedArchitecture.Describe(description, name ?? description.Kind, version, calibration);
        using var network = description.Create();
        try
        {
            network.load(weights);
        }
        catch (Exception unreadable) when (unreadable is ArgumentException or IOException or InvalidDataException)
        {
            throw new NetworkExportRefusedException(
                $"{weights} does not load into the {ExportedArchitecture.Name(description)} its description names: {unreadable.Message}", unreadable);
        }

        network.eval();
        OnnxModelFile.Write(OnnxNetworkExporter.Export(network, description, contract, precision), output);
        return contract;
    }

    private static NetworkDescription ReadDescription(string weights)
    {
        var path = NetworkFiles.DescriptionPath(weights);
        if (!File.Exists(path))
        {
            throw new NetworkExportRefusedException($"{path} does not exist: it says which network {Path.GetFileName(weights)} holds (training writes it beside the weights).");
        }

        try
        {
            return NetworkFiles.ReadDescription(weights);
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidDataException)
        {
            throw new NetworkExportRefusedException($"{path} does not describe a network: {unreadable.Message}", unreadable);
        }
    }

    private static float ReportedTemperature(string weights)
    {
        var report = ReportPath(weights);
        if (!File.Exists(report))
        {
            throw new NetworkExportRefusedException($"No --temperature given and no training report {report} to read it from.");
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(report))?["temperature"]?.GetValue<float>()
                ?? throw new NetworkExportRefusedException($"{report} has no temperature; pass --temperature.");
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidOperationException or FormatException)
        {
            throw new NetworkExportRefusedException($"{report} is not a training report with a numeric temperature: {unreadable.Message}", unreadable);
        }
    }
}
