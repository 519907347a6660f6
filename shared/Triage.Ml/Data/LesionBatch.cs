namespace Triage.Ml.Data;

/// <summary>One batch as flat arrays: images [N,3,H,W], encoded metadata [N,M], labels [N] (class indices).</summary>
public sealed record LesionBatch(float[] Images, float[] Metadata, long[] Labels, int[] CaseIndices)
{
    public int Count => Labels.Length;
}
