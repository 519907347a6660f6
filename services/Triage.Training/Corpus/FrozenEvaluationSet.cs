using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Triage.Training.Corpus;

/// <summary>
/// Whether a patient's cases belong to the frozen evaluation set: decided by a hash of the patient id alone,
/// so a patient stays on the same side however the corpus grows, and no run ever trains on an evaluation patient.
/// </summary>
public static class FrozenEvaluationSet
{
    public static bool Contains(string patientId, double share)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("frozen-evaluation/" + patientId));
        return BinaryPrimitives.ReadUInt64BigEndian(hash) / (double)ulong.MaxValue < share;
    }
}
