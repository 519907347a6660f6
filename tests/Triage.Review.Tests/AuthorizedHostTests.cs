using System.Net;
using System.Net.Http.Headers;
using Triage.Host.Tests;
using Triage.Review.Tests.OpenIdConnect;
using Triage.Testing;

namespace Triage.Review.Tests;

/// <summary>
/// The embedded host with its FHIR API behind an authorization server: an EHR's token carries a real case through to
/// its RiskAssessment while a reviewer signs in to the review UI beside it, and neither credential opens the other's door.
/// </summary>
public sealed class AuthorizedHostTests
{
    private const string ClientId = "ehr-backend";
    private const string ClientSecret = "ehr-backend-secret";

    [Fact]
    public async Task An_EHR_with_a_token_gets_its_result_and_a_reviewer_signs_in_beside_it()
    {
        await using var provider = await IdentityProvider.StartAsync();
        string[] scopes = ["system/Patient.c", "system/Media.c", "system/Observation.c", "system/RiskAssessment.rs"];
        await provider.RegisterSystemClientAsync(ClientId, ClientSecret, scopes);
        await using var host = await RunningHost.StartAsync(
            "--Intake:Authorization:Authority", provider.Address.ToString(),
            "--Intake:Authorization:Audience", IdentityProvider.Audience,
            "--Intake:Authorization:RequireHttpsMetadata", "false");

        var anonymous = await host.Client.GetAsync("/fhir/RiskAssessment");
        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await provider.RequestTokenAsync(ClientId, ClientSecret, scopes));
        var (patientId, _) = await host.Client.PostCaseAsync(FlaggedCases.Candidates().First());
        var riskAssessment = await host.Client.WaitForRiskAssessmentAsync(patientId, TimeSpan.FromSeconds(60));
        var notGranted = await host.Client.GetAsync("/fhir/Task");
        using var reviewer = await ReviewerClient.SignInAsync(host.Client.BaseAddress!, ReviewerClient.DevelopmentUserName, ReviewerClient.DevelopmentPassword);
        var worklist = await reviewer.GetAsync("/review");
        var fhirWithCookie = await reviewer.GetAsync("/fhir/RiskAssessment");

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        riskAssessment.Prediction.Should().HaveCount(6);
        notGranted.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the token does not grant system/Task.s");
        worklist.StatusCode.Should().Be(HttpStatusCode.OK, "the reviewer's sign-in is the review UI's own");
        fhirWithCookie.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a reviewer's cookie is no token for the FHIR API");
    }
}
