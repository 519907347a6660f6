using Hl7.Fhir.Model;
using Triage.Fhir.Photos;
using static Triage.Fhir.Tests.FhirFiles;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Triage.Fhir.Tests;

public class LesionPhotoReaderTests
{
    [Theory]
    [InlineData("media-png.json", "image/png")]
    [InlineData("media-jpeg.json", "image/jpeg")]
    public void Reads_the_image_bytes_and_content_type(string file, string contentType)
    {
        var photo = LesionPhotoReader.Read(Parse<Media>(file));

        photo.ContentType.Should().Be(contentType);
        photo.Data.Should().HaveCount(70).And.StartWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
    }

    public static TheoryData<string, IssueType, string> Unprocessable => new()
    {
        { "media-data-and-url.json", IssueType.Invalid, "Media.content" },
        { "media-url-only.json", IssueType.NotSupported, "Media.content.url" },
        { "media-no-content-type.json", IssueType.Value, "Media.content.contentType" },
        { "media-gif.json", IssueType.Value, "Media.content.contentType" },
        { "media-empty-data.json", IssueType.Value, "Media.content.data" },
        { "media-subject-not-patient.json", IssueType.Value, "Media.subject" },
        { "media-no-subject.json", IssueType.Required, "Media.subject" },
    };

    [Theory]
    [MemberData(nameof(Unprocessable))]
    public void Refuses_a_photo_it_cannot_take_with_422(string file, IssueType code, string expression)
    {
        var media = Parse<Media>(file);

        var refusal = Refusal(() => LesionPhotoReader.Read(media));

        refusal.StatusCode.Should().Be(422);
        refusal.Issues.Should().ContainSingle()
            .Which.Should().Match<OperationOutcome.IssueComponent>(i => i.Code == code && i.Expression.Single() == expression);
    }

    [Fact]
    public void Refuses_a_media_without_content_and_reports_every_problem_at_once()
    {
        var media = new Media { Status = EventStatus.Completed, Subject = new ResourceReference("Group/1") };

        var refusal = Refusal(() => LesionPhotoReader.Read(media, "Bundle.entry[1].resource"));

        refusal.StatusCode.Should().Be(422);
        refusal.Expressions().Should().Equal("Bundle.entry[1].resource.subject", "Bundle.entry[1].resource.content");
    }

    [Theory]
    [InlineData("Patient/123", null, true)]
    [InlineData("https://ehr.example.org/fhir/Patient/123/_history/2", null, true)]
    [InlineData("urn:uuid:8a2d0c53-2b0e-4d3a-9f7e-7d8cbdcd1a01", null, true)]
    [InlineData("urn:uuid:8a2d0c53-2b0e-4d3a-9f7e-7d8cbdcd1a01", "Group", false)]
    [InlineData("Practitioner/1", null, false)]
    [InlineData("Patient", null, false)]
    public void Knows_a_patient_reference(string reference, string? type, bool expected) =>
        LesionPhotoReader.IsPatientReference(new ResourceReference(reference) { Type = type }).Should().Be(expected);

    [Fact]
    public void Accepts_a_logical_patient_reference_by_identifier()
    {
        var reference = new ResourceReference { Type = "Patient", Identifier = new Identifier("https://ehr.example.org/mrn", "42") };

        LesionPhotoReader.IsPatientReference(reference).Should().BeTrue();
        LesionPhotoReader.IsPatientReference(new ResourceReference { Identifier = reference.Identifier }).Should().BeFalse();
    }

    [Fact]
    public void Takes_a_content_type_with_parameters_and_capitals()
    {
        var media = Parse<Media>("media-png.json");
        media.Content.ContentType = "Image/PNG; name=lesion.png";

        LesionPhotoReader.Read(media).ContentType.Should().Be("image/png");
    }
}
