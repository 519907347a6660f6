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

    [Fact]
    public void A_classification_result_survives_json_with_its_probabilities_in_order()
    {
        var result = new ClassificationCompleted(
            Guid.NewGuid(), "baseline", "1.0.0", "CPU",
            [new("ACK", 0.1), new("BCC", 0.6), new("MEL", 0.1), new("NEV", 0.1), new("SCC", 0.05), new("SEK", 0.05)],
            4.2, DateTimeOffset.UtcNow);

        var copy = JsonSerializer.Deserialize<ClassificationCompleted>(JsonSerializer.Serialize(result, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;

        copy.Probabilities.Select(p => p.Diagnosis).Should().Equal("ACK", "BCC", "MEL", "NEV", "SCC", "SEK");
        copy.Should().BeEquivalentTo(result);
    }
}
