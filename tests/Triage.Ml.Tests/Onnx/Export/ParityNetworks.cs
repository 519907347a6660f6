using TorchSharp;
using TorchSharp.Modules;
using Triage.Ml.Experiments;
using Triage.Ml.Models;
using Triage.Ml.Tests.Models;
using static TorchSharp.torch;

namespace Triage.Ml.Tests.Onnx.Export;

/// <summary>Seeded networks whose weights and batch-norm statistics are far from their initial values.</summary>
internal static class ParityNetworks
{
    public const int ImageSize = 64;
    public const int Batch = 2;

    public static IReadOnlyList<string> Names { get; } = ["student", "student-image-only", "teacher-atto", "teacher-resnet18-mlnet"];

    public static NetworkDescription Describe(string name) => name switch
    {
        "student" => new NetworkDescription(NetworkDescription.Student, null, true, ImageSize),
        "student-image-only" => new NetworkDescription(NetworkDescription.Student, null, false, ImageSize),
        "teacher-atto" => new NetworkDescription(NetworkDescription.Teacher, "atto", true, ImageSize),
        "teacher-resnet18-mlnet" => new NetworkDescription(NetworkDescription.Teacher, "resnet18-mlnet", true, ImageSize),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>The network <paramref name="name"/>, in evaluation mode.</summary>
    public static nn.Module<Tensor, Tensor?, NetworkOutput> Create(string name, bool settled = true)
    {
        manual_seed(11);
        var network = Describe(name).Create();
        if (settled)
        {
            Settle(network);
        }

        network.eval();
        return network;
    }

    /// <summary>
    /// Moves every parameter off its initial value (a fresh ConvNeXt's layer scale of 1e-6 would hide its
    /// blocks, the student's zero head its features), then two SGD steps on random data fill the batch-norm
    /// running statistics.
    /// </summary>
    private static void Settle(nn.Module<Tensor, Tensor?, NetworkOutput> network)
    {
        using var scope = NewDisposeScope();
        using (no_grad())
        {
            foreach (var (name, parameter) in network.named_parameters())
            {
                if (name.EndsWith("layer_scale", StringComparison.Ordinal))
                    parameter.uniform_(0.5, 1.0);
                else if (parameter.dim() == 1)
                    parameter.add_(randn_like(parameter) * 0.1);
                else if (parameter.abs().max().item<float>() == 0)
                    parameter.normal_(0, 0.05);
            }

            foreach (var norm in network.modules().OfType<BatchNorm2d>())
                norm.momentum = 0.5;
        }

        network.train();
        using var optimizer = optim.SGD(network.parameters(), 0.01);
        for (var step = 0; step < 2; step++)
        {
            var output = network.call(ModelInputs.Images(Batch, ImageSize, seed: 20 + step), ModelInputs.Metadata(Batch, seed: 30 + step));
            var loss = nn.functional.cross_entropy(output.Logits, randint(0, 6, [Batch]));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
