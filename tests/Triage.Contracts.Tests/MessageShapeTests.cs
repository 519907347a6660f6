using System.Reflection;
using System.Text.Json;

namespace Triage.Contracts.Tests;

public class MessageShapeTests
{
    private static readonly Type[] Messages = typeof(ClassificationRequested).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false }).ToArray();

    [Fact]
    public void Every_message_is_a_record_in_the_contracts_namespace()
    {
        Messages.Should().NotBeEmpty();
        Messages.Should().OnlyContain(t => t.Namespace == "Triage.Contracts");
        Messages.Should().OnlyContain(t => t.GetMethod("<Clone>$") != null, "messages are immutable records");
    }

    [Fact]
    public void No_message_carries_bytes_the_bus_only_sees_image_ids()
    {
        var byteProperties = Messages.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.PropertyType == typeof(byte[]) || typeof(Stream).IsAssignableFrom(p.PropertyType)
                || p.PropertyType == typeof(ReadOnlyMemory<byte>) || p.PropertyType == typeof(Memory<byte>));
        byteProperties.Should().BeEmpty();
    }

    [Fact]
    public void A_classification_request_survives_json_as_the_bus_sends_it()
    {
        var request = new ClassificationRequested(
            Guid.NewGuid(), Guid.NewGuid(), new string('a', 64), "pad-ufes-20/v1", [0.5f, 1f, 0f, 0.25f], DateTimeOffset.UtcNow);

        var copy = JsonSerializer.Deserialize<ClassificationRequested>(JsonSerializer.Serialize(request, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;

        copy.Should().BeEquivalentTo(request);
        copy.Features.Should().Equal(request.Features);
    }

    private static List<DiagnosisProbability> Probabilities(double bcc) =>
        [new("ACK", 0.1), new("BCC", bcc), new("MEL", 0.1), new("NEV", 0.7 - bcc), new("SCC", 0.05), new("SEK", 0.05)];

    [Fact]
    public void A_classification_result_survives_json_with_its_probabilities_in_order()
    {
        var result = new ClassificationCompleted(
            Guid.NewGuid(), "baseline", "1.0.0", "CPU", Probabilities(0.6), 4.2, DateTimeOffset.UtcNow,
            ModelRole.Student, new ModelOutput("baseline", "1.0.0", "CPU", Probabilities(0.6), 4.2), null, []);

        var copy = JsonSerializer.Deserialize<ClassificationCompleted>(JsonSerializer.Serialize(result, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;

        copy.Probabilities.Select(p => p.Diagnosis).Should().Equal("ACK", "BCC", "MEL", "NEV", "SCC", "SEK");
        copy.TeacherOutput.Should().BeNull();
        copy.Should().BeEquivalentTo(result);
    }

    [Fact]
    public void An_escalated_result_survives_json_with_both_models_and_the_reasons()
    {
        var student = new ModelOutput("student", "2.0.0", "CUDA", Probabilities(0.3), 1.5);
        var teacher = new ModelOutput("teacher", "3.0.0", "CUDA", Probabilities(0.5), 9.5);
        var result = new ClassificationCompleted(
            Guid.NewGuid(), teacher.ModelName, teacher.ModelVersion, teacher.ExecutionProvider, teacher.Probabilities,
            teacher.InferenceMilliseconds, DateTimeOffset.UtcNow, ModelRole.Teacher, student, teacher,
            ["LowConfidence", "UncertainCancerProbability"]);

        var copy = JsonSerializer.Deserialize<ClassificationCompleted>(JsonSerializer.Serialize(result, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;

        copy.DecidedBy.Should().Be("teacher");
        copy.EscalationReasons.Should().Equal("LowConfidence", "UncertainCancerProbability");
        copy.StudentOutput.Probabilities.Select(p => p.Probability).Should().Equal(student.Probabilities.Select(p => p.Probability));
        copy.Should().BeEquivalentTo(result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_promotion_survives_json_with_or_without_a_teacher(bool withTeacher)
    {
        var promotion = new ModelPromoted(
            "deploy/models/student-2.onnx", "2.0.0",
            withTeacher ? "deploy/models/teacher-2.onnx" : null, withTeacher ? "2.0.0" : null,
            withTeacher ? new EscalationThresholdValues(0.6, 0.2, 0.8) : null,
            "redistill-student", "weighted F1 0.81 against 0.80 on the frozen set", DateTimeOffset.UtcNow);

        var copy = JsonSerializer.Deserialize<ModelPromoted>(JsonSerializer.Serialize(promotion, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;

        copy.Should().Be(promotion);
    }
}
