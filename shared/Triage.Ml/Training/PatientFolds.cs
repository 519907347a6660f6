namespace Triage.Ml.Training;

/// <summary>
/// Assigns rows to folds by patient, so no patient is in two folds. Patients are stratified by
/// their rarest diagnosis (so the few melanoma and SCC patients spread over the folds), shuffled
/// with a fixed seed and dealt out in turn.
/// </summary>
public static class PatientFolds
{
    /// <returns>The fold of each row.</returns>
    public static int[] Assign(IReadOnlyList<string> patientIds, IReadOnlyList<int> labels, int folds, int seed)
    {
        var classCounts = labels.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var patients = patientIds
            .Select((patient, row) => (patient, label: labels[row]))
            .GroupBy(p => p.patient, StringComparer.Ordinal)
            .Select(g => (Patient: g.Key, Label: g.Select(p => p.label).MinBy(l => (classCounts[l], l))))
            .OrderBy(p => p.Patient, StringComparer.Ordinal)
            .ToList();

        var random = new Random(seed);
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = 0;
        foreach (var stratum in patients.GroupBy(p => p.Label).OrderBy(g => classCounts[g.Key]).ThenBy(g => g.Key))
        {
            var members = stratum.ToArray();
            random.Shuffle(members);
            foreach (var member in members)
            {
                foldOf[member.Patient] = next++ % folds;
            }
        }

        return patientIds.Select(p => foldOf[p]).ToArray();
    }
}
