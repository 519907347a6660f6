using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Triage.Intake.Tests.Rest;

/// <summary>Binary create, and a Media naming its photo by content.url: a Binary of this server or an allowed address, never any other.</summary>
public sealed class PhotoByReferenceTests
{
    [Fact]
    public async Task A_raw_photo_posted_as_Binary_is_stored_once_and_read_back_byte_for_byte()
    {
        await using var server = await IntakeServer.StartAsync();

        var response = await PostRawPhotoAsync(server, Resources.RealPhoto);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await response.ReadResourceAsync<Binary>()).Id;
        response.Headers.Location!.ToString().Should().EndWith($"/fhir/Binary/{id}/_history/1");
        var read = await server.SendAsync(HttpMethod.Get, $"/fhir/Binary/{id}", headers: ("Accept", "image/*"));
        (await read.Content.ReadAsByteArrayAsync()).Should().Equal(Resources.RealPhoto);
        (await server.CountAsync("Images")).Should().Be(1);
    }

    [Fact]
    public async Task A_Media_naming_a_Binary_opens_a_case_on_that_stored_image_without_a_copy()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var binary = await server.CreateAsync(Resources.PhotoBinary());

        var media = await server.CreateAsync(Resources.PhotoAt(patient.Id, $"Binary/{binary.Id}"));

        media.Content.Url.Should().Be($"Binary/{binary.Id}");
        media.Content.Data.Should().BeNull();
        (await server.CountAsync("Images")).Should().Be(1);
        (await server.QueryAsync("SELECT ImageId FROM Cases")).Single()[0].Should().BeEquivalentTo(binary.Id);
        (await server.CountAsync("Outbox")).Should().Be(1);
    }

    [Fact]
    public async Task A_transaction_may_carry_the_photo_as_a_Binary_entry_that_its_Media_names()
    {
        await using var server = await IntakeServer.StartAsync();
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        bundle.Entry.Add(Entry("urn:uuid:0b6b2a3c-8c1e-4f8e-9a51-5d3c2f1e0a01", Resources.Patient()));
        bundle.Entry.Add(Entry("urn:uuid:0b6b2a3c-8c1e-4f8e-9a51-5d3c2f1e0a02", Resources.PhotoBinary()));
        bundle.Entry.Add(Entry("urn:uuid:0b6b2a3c-8c1e-4f8e-9a51-5d3c2f1e0a03", new Media
        {
            Status = EventStatus.Completed,
            Subject = new ResourceReference("urn:uuid:0b6b2a3c-8c1e-4f8e-9a51-5d3c2f1e0a01"),
            Content = new Attachment { ContentType = "image/png", Url = "urn:uuid:0b6b2a3c-8c1e-4f8e-9a51-5d3c2f1e0a02" },
        }));

        var response = await server.SendAsync(HttpMethod.Post, "/fhir", bundle);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var answer = await response.ReadResourceAsync<Bundle>();
        var binaryLocation = answer.Entry[1].Response.Location;
        binaryLocation.Should().StartWith("Binary/");
        var binaryId = binaryLocation.Split('/')[1];
        var media = await (await server.Client.GetAsync($"/fhir/{answer.Entry[2].Response.Location.Split("/_history")[0]}")).ReadResourceAsync<Media>();
        media.Content.Url.Should().Be($"Binary/{binaryId}");
        (await server.CountAsync("Images")).Should().Be(1);
        (await server.QueryAsync("SELECT ImageId FROM Cases")).Single()[0].Should().BeEquivalentTo(binaryId);
        (await server.QueryAsync("SELECT COUNT(*) FROM FhirResources WHERE ResourceType = 'Binary'")).Single()[0].Should().Be("0", "photos are images, not stored FHIR resources");
    }

    [Fact]
    public async Task A_transaction_whose_Binary_entry_is_no_photo_creates_nothing()
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        bundle.Entry.Add(Entry("urn:uuid:0b6b2a3c-8c1e-4f8e-9a51-5d3c2f1e0a11", Resources.Patient()));
        bundle.Entry.Add(Entry("urn:uuid:0b6b2a3c-8c1e-4f8e-9a51-5d3c2f1e0a12", new Binary { ContentType = "image/png", Data = [1, 2, 3, 4] }));

        await (await server.SendAsync(HttpMethod.Post, "/fhir", bundle)).ShouldBeRefusedAsync(422, server, before);
    }

    private static Bundle.EntryComponent Entry(string fullUrl, Resource resource) => new()
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName },
    };

    [Fact]
    public async Task A_Media_on_the_allow_list_is_fetched_and_its_hash_checked()
    {
        await using var photos = await PhotoServer.StartAsync(Resources.RealPhoto);
        await using var server = await IntakeServer.StartAsync(new Dictionary<string, string?>
        {
            ["Intake:PhotoSources:AllowedBaseUrls:0"] = photos.BaseUrl + "lesions/",
        });
        var patient = await server.CreateAsync(Resources.Patient());
        var withHash = Resources.PhotoAt(patient.Id, photos.BaseUrl + "lesions/1.png");
        withHash.Content.Hash = SHA1.HashData(Resources.RealPhoto);

        var media = await server.CreateAsync(withHash);

        media.Content.Url.Should().StartWith("Binary/");
        var stored = await server.SendAsync(HttpMethod.Get, $"/fhir/{media.Content.Url}", headers: ("Accept", "image/*"));
        (await stored.Content.ReadAsByteArrayAsync()).Should().Equal(Resources.RealPhoto);
        photos.Requests.Should().Be(1);
    }

    [Fact]
    public async Task An_address_off_the_allow_list_is_refused_without_a_request()
    {
        await using var photos = await PhotoServer.StartAsync(Resources.RealPhoto);
        await using var server = await IntakeServer.StartAsync(new Dictionary<string, string?>
        {
            ["Intake:PhotoSources:AllowedBaseUrls:0"] = photos.BaseUrl + "lesions",
        });
        var patient = await server.CreateAsync(Resources.Patient());
        var before = await server.SnapshotAsync();

        var elsewhere = await server.SendAsync(HttpMethod.Post, "/fhir/Media", Resources.PhotoAt(patient.Id, photos.BaseUrl + "private/secrets.png"));
        var outcome = await elsewhere.ShouldBeRefusedAsync(422, server, before);
        var climbingOut = await server.SendAsync(HttpMethod.Post, "/fhir/Media", Resources.PhotoAt(patient.Id, photos.BaseUrl + "lesions/../private/secrets.png"));
        await climbingOut.ShouldBeRefusedAsync(422, server, before);
        var longerName = await server.SendAsync(HttpMethod.Post, "/fhir/Media", Resources.PhotoAt(patient.Id, photos.BaseUrl + "lesions-archive/1.png"));
        await longerName.ShouldBeRefusedAsync(422, server, before);

        outcome.Issue.Should().Contain(i => i.Code == OperationOutcome.IssueType.Security && i.Diagnostics.Contains("allow-list"));
        photos.Requests.Should().Be(0);
    }

    [Theory]
    [InlineData("unknown-binary")]
    [InlineData("wrong-hash")]
    [InlineData("missing-at-source")]
    public async Task A_Media_whose_reference_gives_no_usable_photo_is_refused_and_changes_nothing(string problem)
    {
        await using var photos = await PhotoServer.StartAsync(Resources.RealPhoto);
        await using var server = await IntakeServer.StartAsync(new Dictionary<string, string?>
        {
            ["Intake:PhotoSources:AllowedBaseUrls:0"] = photos.BaseUrl + "lesions/",
        });
        var patient = await server.CreateAsync(Resources.Patient());
        var media = problem switch
        {
            "unknown-binary" => Resources.PhotoAt(patient.Id, $"Binary/{Guid.NewGuid()}"),
            "wrong-hash" => Resources.PhotoAt(patient.Id, photos.BaseUrl + "lesions/1.png"),
            _ => Resources.PhotoAt(patient.Id, photos.BaseUrl + "lesions/404.png"),
        };
        if (problem == "wrong-hash")
        {
            media.Content.Hash = SHA1.HashData([1, 2, 3]);
        }

        var before = await server.SnapshotAsync();

        await (await server.SendAsync(HttpMethod.Post, "/fhir/Media", media)).ShouldBeRefusedAsync(422, server, before);
    }

    [Fact]
    public async Task Bytes_that_are_not_the_declared_photo_are_refused_as_Binary()
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        var truncated = await PostRawPhotoAsync(server, Resources.RealPhoto[..(Resources.RealPhoto.Length / 2)]);
        var wrongType = await server.SendAsync(HttpMethod.Post, "/fhir/Binary", new Binary { ContentType = "application/pdf", Data = [1, 2, 3] });

        await truncated.ShouldBeRefusedAsync(422, server, before);
        await wrongType.ShouldBeRefusedAsync(422, server, before);
    }

    private static Task<HttpResponseMessage> PostRawPhotoAsync(IntakeServer server, byte[] photo)
    {
        var content = new ByteArrayContent(photo);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return server.Client.PostAsync("/fhir/Binary", content);
    }

    /// <summary>An image server of a clinic on a free loopback port: <c>/lesions/1.png</c> is the photo; it counts the requests it gets.</summary>
    private sealed class PhotoServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private PhotoServer(WebApplication app) => _app = app;

        public string BaseUrl { get; private set; } = "";

        public int Requests => Volatile.Read(ref _requests);

        public static async Task<PhotoServer> StartAsync(byte[] photo)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var server = new PhotoServer(app);
            app.Use((context, next) =>
            {
                Interlocked.Increment(ref server._requests);
                return next(context);
            });
            app.MapGet("/lesions/1.png", () => Microsoft.AspNetCore.Http.Results.File(photo, "image/png"));
            await app.StartAsync();
            server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
            return server;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
