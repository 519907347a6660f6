using Hl7.Fhir.Model;
using Triage.Fhir.Cases;
using Triage.Fhir.Serialization;

namespace Triage.Fhir.Tests;

public sealed class LesionOfPhotoTests
{
    [Fact]
    public void Photos_of_one_lesion_named_by_identifier_share_a_key_that_survives_serialisation()
    {
        var first = NewMedia();
        var second = NewMedia();
        LesionOfPhoto.Name(first, new Identifier("https://ehr.example/lesion", "L-17"));
        LesionOfPhoto.Name(second, new Identifier("https://ehr.example/lesion", "L-17"));

        var key = LesionOfPhoto.KeyOf(FhirJson.Parse<Media>(FhirJson.Serialize(first)));

        key.Should().Be("https://ehr.example/lesion|L-17").And.Be(LesionOfPhoto.KeyOf(second));
        LesionOfPhoto.KeyOf(WithLesion(new ResourceReference { Identifier = new Identifier("https://ehr.example/lesion", "L-18") }))
            .Should().NotBe(key, "another lesion of the patient");
    }

    [Fact]
    public void A_literal_reference_names_the_lesion_and_a_media_without_the_extension_names_none()
    {
        LesionOfPhoto.KeyOf(WithLesion(new ResourceReference("BodyStructure/42"))).Should().Be("BodyStructure/42");
        LesionOfPhoto.KeyOf(WithLesion(new ResourceReference { Display = "left forearm mole" })).Should().BeNull("a display alone identifies nothing");
        LesionOfPhoto.KeyOf(NewMedia()).Should().BeNull();
    }

    private static Media NewMedia() => new() { Status = EventStatus.Completed, Content = new Attachment { ContentType = "image/png", Url = "Binary/1" } };

    private static Media WithLesion(ResourceReference lesion)
    {
        var media = NewMedia();
        media.SetExtension(LesionOfPhoto.ExtensionUrl, lesion);
        return media;
    }
}
