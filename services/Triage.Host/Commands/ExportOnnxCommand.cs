using System.CommandLine;
using Triage.Ml.Onnx.Export;

namespace Triage.Host.Commands;

/// <summary>
/// <c>export-onnx --weights F --out M [--name N] [--version V] [--temperature T] [--float16-weights]</c>:
/// a trained student or teacher as an ONNX model that meets docs/model-contract.md.
/// </summary>
internal static class ExportOnnxCommand
{
    public const int Refused = 2;

    public static Command Create()
    {
        var weights = new Option<FileInfo>("--weights") { Description = "Trained weights, with F.network.json (and the report F.json) beside them.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The ONNX file to write.", Required = true };
        var name = new Option<string>("--name") { Description = "triage.model_name; the network's kind (student or teacher) by default." };
        var version = new Option<string>("--version") { Description = "triage.model_version.", DefaultValueFactory = _ => "1.0.0" };
        var temperature = new Option<float?>("--temperature") { Description = "The calibration temperature; read from F.json when not given." };
        var float16 = new Option<bool>("--float16-weights") { Description = "Store the weights as float16 (half the file; the graph still computes in float32)." };
        var command = new Command("export-onnx", "Export trained student or teacher weights as an ONNX model for inference.")
        {
            weights, output, name, version, temperature, float16,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (weightsPath, outputPath) = (parse.GetRequiredValue(weights).FullName, parse.GetRequiredValue(output).FullName);
            try
            {
                var contract = TrainedNetworkExport.Run(
                    weightsPath, outputPath, parse.GetValue(name), parse.GetRequiredValue(version), parse.GetValue(temperature),
                    parse.GetValue(float16) ? WeightPrecision.Float16 : WeightPrecision.Float32);
                await parse.InvocationConfiguration.Output.WriteLineAsync(
                    $"wrote {outputPath} ({new FileInfo(outputPath).Length / 1e6:F1} MB): {contract.Name} {contract.Version}, {contract.Architecture}, " +
                    $"{contract.Input.Width} px, temperature {contract.CalibrationTemperature}");
                return 0;
            }
            catch (NetworkExportRefusedException refused)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(refused.Message);
                return Refused;
            }
        });
        return command;
    }
}
