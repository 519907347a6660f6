namespace Triage.Training.Memory;

/// <summary>
/// What a run adds to the process at its peak. Counted: the decoded photo cache (every training-side photo as RGBA
/// at 1.5 times the training size, the most the trainer keeps), the network being trained with its gradients and
/// AdamW's two moments (four float32 values per parameter), and while distilling, the frozen teacher's weights.
/// Not counted: activations (they grow with batch size and image area), libtorch's own allocations and the
/// transient full-size decode of each photo; the watch during the run stands for those.
/// </summary>
public sealed record TrainingMemoryEstimate(long PhotoCacheBytes, long TeacherStepBytes, long DistilStepBytes)
{
    private const long BytesPerPixel = 4;
    private const long BytesPerFloat = 4;
    private const long ValuesPerTrainedParameter = 4;

    /// <summary>The photo cache and the larger of the two training steps (they run one after the other).</summary>
    public long PeakBytes => PhotoCacheBytes + Math.Max(TeacherStepBytes, DistilStepBytes);

    /// <param name="trainingSideCases">Cases the run trains and validates on (the frozen set excluded).</param>
    /// <param name="trainsTeacher">False when an already registered teacher is distilled: its step costs nothing.</param>
    public static TrainingMemoryEstimate For(int trainingSideCases, int imageSize, bool trainsTeacher, long teacherParameters, long studentParameters)
    {
        long cachedSide = imageSize * 3 / 2;
        return new TrainingMemoryEstimate(
            PhotoCacheBytes: trainingSideCases * cachedSide * cachedSide * BytesPerPixel,
            TeacherStepBytes: trainsTeacher ? teacherParameters * BytesPerFloat * ValuesPerTrainedParameter : 0,
            DistilStepBytes: studentParameters * BytesPerFloat * ValuesPerTrainedParameter + teacherParameters * BytesPerFloat);
    }
}
