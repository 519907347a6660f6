using static TorchSharp.torch;

namespace Triage.Ml.Pretrained;

/// <summary>What an import copied and what it left to train.</summary>
/// <param name="Copied">Network keys filled from the file.</param>
/// <param name="IgnoredImageNetHead">File keys of the ImageNet classifier, not used.</param>
/// <param name="LeftToTrain">Network keys the file does not cover (head, CBAM, metadata branch).</param>
public sealed record PretrainedImportReport(int Copied, IReadOnlyList<string> IgnoredImageNetHead, IReadOnlyList<string> LeftToTrain);

/// <summary>
/// Copies an ImageNet state dict into a network's image trunk: every trunk key must come from the file
/// with the same shape (up to trailing singleton axes, e.g. timm's layer scale [C] for torchvision's
/// [C, 1, 1]), and every key of the file must name something in the network; otherwise nothing is copied
/// and <see cref="PretrainedWeightsMismatchException"/> lists every problem.
/// </summary>
public static class PretrainedImport
{
    public static PretrainedImportReport Apply(nn.Module network, IReadOnlyDictionary<string, Tensor> file, string source)
    {
        var map = PretrainedKeyMap.For(network);
        var target = network.state_dict();
        var copies = new List<(Tensor To, Tensor From)>();
        var ignored = new List<string>();
        var unexpected = new List<string>();
        var misShaped = new List<string>();
        var covered = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (fileKey, value) in file.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var key = map.Rename(fileKey);
            if (key is null)
            {
                ignored.Add(fileKey);
                continue;
            }

            if (!target.TryGetValue(key, out var into) || !map.IsRequired(key))
            {
                if (!(key.EndsWith(".num_batches_tracked", StringComparison.Ordinal) && target.ContainsKey(key)))
                    unexpected.Add(Named(fileKey, key));
                continue;
            }

            covered.Add(key);
            if (!SameShape(value.shape, into.shape))
            {
                misShaped.Add($"{Named(fileKey, key)}: file [{string.Join(", ", value.shape)}] vs network [{string.Join(", ", into.shape)}]");
                continue;
            }

            copies.Add((into, value));
        }

        var missing = target.Keys.Where(k => map.IsRequired(k) && !covered.Contains(k)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0 || misShaped.Count > 0)
            throw new PretrainedWeightsMismatchException($"{source} ({map.NetworkName})", missing, unexpected, misShaped);

        using (no_grad())
        {
            foreach (var (into, from) in copies)
                into.copy_(from.reshape(into.shape).to(into.dtype));
        }

        var leftToTrain = target.Keys.Where(k => !covered.Contains(k) && !k.EndsWith(".num_batches_tracked", StringComparison.Ordinal)).ToList();
        return new PretrainedImportReport(copies.Count, ignored, leftToTrain);
    }

    private static string Named(string fileKey, string key) => fileKey == key ? key : $"{fileKey} (as {key})";

    private static bool SameShape(long[] file, long[] network) => Trim(file).SequenceEqual(Trim(network));

    private static IEnumerable<long> Trim(long[] shape)
    {
        var length = shape.Length;
        while (length > 1 && shape[length - 1] == 1)
            length--;
        return shape.Take(length);
    }
}
