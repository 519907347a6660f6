using Triage.Ml.Losses;
using static TorchSharp.torch;

namespace Triage.Ml.Tests.Losses;

/// <summary>Each loss against values worked out by hand (the arithmetic is in the comments).</summary>
public class LossTests
{
    private static readonly double Ln3 = Math.Log(3);

    private static double Value(Tensor t) => t.item<float>();

    [Fact]
    public void Focal_loss_down_weights_easy_examples()
    {
        // Logits [0, ln 3] give p = [0.25, 0.75]; label 1: -(1 - 0.75)^2 * ln 0.75 = 0.0625 * 0.2876821 = 0.01798013.
        using var logits = tensor(new[] { 0f, (float)Ln3 }).reshape(1, 2);
        using var labels = tensor(new long[] { 1 });

        Value(new FocalLoss([1f, 1f]).Compute(logits, labels)).Should().BeApproximately(0.01798013, 1e-6);
        Value(new FocalLoss([0.4f, 0.6f]).Compute(logits, labels)).Should().BeApproximately(0.6 * 0.01798013, 1e-6);
    }

    [Fact]
    public void Focal_loss_with_gamma_zero_is_cross_entropy_averaged_over_the_batch()
    {
        // Row 1: label 0, p0 = 0.25 -> -ln 0.25 = 1.3862944; row 2: label 1, p1 = 0.75 -> 0.2876821. Mean 0.8369882.
        using var logits = tensor(new[] { 0f, (float)Ln3, 0f, (float)Ln3 }).reshape(2, 2);
        using var labels = tensor(new long[] { 0, 1 });

        Value(new FocalLoss([1f, 1f], gamma: 0).Compute(logits, labels)).Should().BeApproximately(0.8369882, 1e-6);
    }

    [Fact]
    public void Inverse_frequency_alpha_has_mean_one_and_favours_rare_classes()
    {
        // Counts [3, 1]: inverse [1/3, 1], mean 2/3 -> [0.5, 1.5].
        FocalLoss.InverseFrequencyAlpha([0, 0, 0, 1], 2).Should().Equal(0.5f, 1.5f);
    }

    [Fact]
    public void Hinton_loss_is_the_softened_KL_times_T_squared_per_sample()
    {
        // T = 2. Teacher [0, 2 ln 3] / 2 -> p_t = [0.25, 0.75]; student [0, 0] -> p_s = [0.5, 0.5].
        // KL = 0.25 ln(0.5) + 0.75 ln(1.5) = -0.1732868 + 0.3040988 = 0.1308120; x T^2 = 0.5232481.
        // Two identical rows: the batch mean is the same.
        using var student = zeros(2, 2);
        using var teacher = tensor(new[] { 0f, (float)(2 * Ln3), 0f, (float)(2 * Ln3) }).reshape(2, 2);

        Value(new HintonDistillationLoss(temperature: 2).Compute(student, teacher)).Should().BeApproximately(0.5232481, 1e-5);
    }

    [Fact]
    public void Hinton_loss_is_zero_when_the_student_matches_and_sends_no_gradient_to_the_teacher()
    {
        using var teacher = tensor(new[] { 1f, 2f, 3f }).reshape(1, 3).requires_grad_(true);
        using var student = tensor(new[] { 1f, 2f, 3f }).reshape(1, 3).requires_grad_(true);

        var loss = new HintonDistillationLoss(temperature: 4).Compute(student, teacher);
        loss.backward();

        Value(loss).Should().BeApproximately(0, 1e-6);
        teacher.grad.Should().BeNull();
        student.grad.Should().NotBeNull();
    }

    [Fact]
    public void Attention_transfer_compares_normalised_squared_activation_maps()
    {
        // Student map [[1,0],[0,0]] -> [1,0,0,0]; teacher [[0,0],[0,3]] -> squared 9 -> normalised [0,0,0,1].
        // Mean squared difference over the 4 positions: (1 + 1) / 4 = 0.5.
        using var student = tensor(new[] { 1f, 0f, 0f, 0f }).reshape(1, 1, 2, 2);
        using var teacher = tensor(new[] { 0f, 0f, 0f, 3f }).reshape(1, 1, 2, 2);

        Value(new AttentionTransferLoss().Compute([student], [teacher])).Should().BeApproximately(0.5, 1e-6);
        Value(new AttentionTransferLoss().Compute([student, student], [teacher, student * 5])).Should().BeApproximately(0.5, 1e-6);
    }

    [Fact]
    public void Attention_transfer_pools_the_larger_map_to_the_smaller()
    {
        // A 4x4 student map whose 2x2 average is [[1,0],[0,0]] against the same 2x2 teacher map: no loss.
        using var student = zeros(1, 1, 4, 4);
        student[0, 0, 0, 0] = tensor(2f);
        using var teacher = tensor(new[] { 1f, 0f, 0f, 0f }).reshape(1, 1, 2, 2);

        Value(new AttentionTransferLoss().Compute([student], [teacher])).Should().BeApproximately(0, 1e-6);
    }

    [Fact]
    public void Feature_similarity_is_one_minus_cosine_after_the_projection()
    {
        using var loss = new FeatureSimilarityLoss(2, 2);
        using (no_grad())
        {
            loss.Projection.weight!.copy_(eye(2));
        }

        using var student = tensor(new[] { 1f, 0f, 1f, 0f }).reshape(2, 2);
        using var teacher = tensor(new[] { 3f, 0f, 0f, 2f }).reshape(2, 2);

        // Row 1 same direction (1 - 1 = 0), row 2 orthogonal (1 - 0 = 1): mean 0.5.
        Value(loss.forward(student, teacher)).Should().BeApproximately(0.5, 1e-6);
    }
}
