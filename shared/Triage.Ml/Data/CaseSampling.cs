namespace Triage.Ml.Data;

public enum CaseSampling
{
    /// <summary>Every case once per epoch, in random order.</summary>
    Shuffled,

    /// <summary>As many draws as cases, with replacement, each class equally likely.</summary>
    ClassBalanced,
}

public static class CaseOrder
{
    public static int[] ForEpoch(IReadOnlyList<int> labels, CaseSampling sampling, Random random)
    {
        if (sampling == CaseSampling.Shuffled)
        {
            var order = Enumerable.Range(0, labels.Count).ToArray();
            random.Shuffle(order);
            return order;
        }

        var byClass = labels.Select((label, index) => (label, index)).GroupBy(p => p.label)
            .Select(g => g.Select(p => p.index).ToArray()).ToArray();
        return Enumerable.Range(0, labels.Count)
            .Select(_ => byClass[random.Next(byClass.Length)])
            .Select(members => members[random.Next(members.Length)])
            .ToArray();
    }
}
