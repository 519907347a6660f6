using Hl7.Fhir.Model;
using Microsoft.Playwright;
using Triage.Fhir.Serialization;
using Triage.Fhir.Terminology;
using Triage.Testing;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Review.Tests;

/// <summary>
/// A dermatologist's session in a real browser (Debian's Chromium driven by Playwright) against the real host: sign in,
/// the worklist, a real case the pipeline flagged, a diagnosis recorded with the keyboard, and the result seen through
/// the FHIR API and in the labelled cases. Screenshots go to artifacts/review-screenshots.
/// </summary>
public sealed class ReviewBrowserTests : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public static string ScreenshotFolder { get; } = Path.Combine(TestPaths.RepositoryRoot, "artifacts", "review-screenshots");

    private ReviewHost _review = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        File.Exists(Chromium).Should().BeTrue("tests/run-all.sh installs Debian's chromium");
        // The released student exports an attention map, so the case view has a heatmap to show.
        _review = await ReviewHost.StartAsync("--Inference:ModelPath", Path.Combine(TestPaths.RepositoryRoot, "deploy", "models", "student.onnx"));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    [Fact]
    public async Task A_dermatologist_opens_the_worklist_and_records_a_diagnosis_with_the_keyboard()
    {
        var flagged = await _review.PostFlaggedCasesAsync(3);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _review.Address.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/review");
        page.Url.Should().Contain("/review/sign-in");
        await page.FillAsync("#userName", "dr.ana");
        await page.FillAsync("#password", ReviewHost.Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("#worklist");

        (await page.TextContentAsync("[data-count=open] strong")).Should().Be("3");
        var rows = page.Locator("#worklist tbody tr");
        (await rows.CountAsync()).Should().Be(3);
        (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.case)")).Should().BeEquivalentTo(flagged.Select(f => f.ToString()));
        await WaitForImagesAsync(page, "#worklist img");
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "review-worklist.png"), FullPage = true });

        var mostUrgent = Guid.Parse((await rows.First.GetAttributeAsync("data-case"))!);
        await rows.First.GetByRole(AriaRole.Link, new() { Name = "Open case" }).ClickAsync();
        await page.WaitForSelectorAsync("#decision");
        await WaitForImagesAsync(page, "#photo");
        (await page.Locator("#features tr").CountAsync()).Should().BeGreaterThan(10);
        (await page.Locator("svg.chart rect.student").CountAsync()).Should().BeGreaterThanOrEqualTo(6);
        var toggle = page.Locator("#heatmap-toggle");
        (await page.Locator("#heatmap").IsVisibleAsync()).Should().BeFalse("the heatmap starts hidden");
        await toggle.CheckAsync();
        (await page.Locator("#heatmap").IsVisibleAsync()).Should().BeTrue();
        (await page.Locator("#heatmap rect").CountAsync()).Should().Be(9, "the student's 3 x 3 attention map at 96 px");

        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "review-case.png"), FullPage = true });

        await page.Keyboard.PressAsync("3");
        (await page.Locator("input[name=diagnosis][value=MEL]").IsCheckedAsync()).Should().BeTrue("3 is melanoma");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#recorded");
        (await page.TextContentAsync("#label")).Should().Contain("MEL").And.Contain("dermatologist");

        var task = await CompletedTaskAsync();
        task.Owner.Identifier.Value.Should().Be("dr.ana");
        ((CodeableConcept)task.Output.Single(o => o.Type.Coding[0].Code == ReviewTerminology.OutputDiagnosis).Value).Coding.Single().Code.Should().Be("MEL");
        (await _review.QuerySingleAsync($"SELECT Label, Source, LabelledBy FROM LabelledCases WHERE CaseId = '{ReviewDecisionTests.Db(mostUrgent)}'",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)))).Should().Be(("MEL", "Dermatologist", "dr.ana"));

        await page.GotoAsync("/review");
        (await page.TextContentAsync("[data-count=done] strong")).Should().Be("1");
        (await page.Locator("#worklist tbody tr").CountAsync()).Should().Be(2);

        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync("**/review/sign-in**");
        await page.GotoAsync("/review");
        page.Url.Should().Contain("/review/sign-in", "signed out");
        await context.CloseAsync();
    }

    [Fact]
    public async Task On_a_tablet_the_case_fits_the_screen_and_a_diagnosis_is_chosen_by_touch()
    {
        var caseId = (await _review.PostFlaggedCasesAsync(1)).Single();
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _review.Address.ToString(),
            ViewportSize = new() { Width = 768, Height = 1024 },
            HasTouch = true,
            IsMobile = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/review/sign-in");
        await page.FillAsync("#userName", "dr.ben");
        await page.FillAsync("#password", ReviewHost.Password);
        await page.TapAsync("#sign-in");
        await page.WaitForSelectorAsync("#worklist");

        await page.GotoAsync($"/review/cases/{caseId}");
        await WaitForImagesAsync(page, "#photo");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
            .Should().BeTrue("nothing is wider than a tablet held upright");
        var choice = page.Locator("input[name=diagnosis][value=SEK]").Locator("xpath=..");
        (await choice.BoundingBoxAsync())!.Height.Should().BeGreaterThanOrEqualTo(44, "touch targets of at least 44 px");
        await choice.TapAsync();
        await page.TapAsync("#record");
        await page.WaitForSelectorAsync("#recorded");
        (await page.TextContentAsync("#label")).Should().Contain("SEK").And.Contain("dr.ben");
        await context.CloseAsync();
    }

    private async Task<FhirTask> CompletedTaskAsync()
    {
        var response = await _review.Host.Client.GetAsync("/fhir/Task?status=completed");
        var bundle = FhirJson.Parse(await response.Content.ReadAsStringAsync()).Should().BeOfType<Bundle>().Subject;
        return bundle.Entry.Should().ContainSingle().Subject.Resource.Should().BeOfType<FhirTask>().Subject;
    }

    private static async Task WaitForImagesAsync(IPage page, string selector) =>
        await page.WaitForFunctionAsync(
            "selector => [...document.querySelectorAll(selector)].every(i => i.complete && i.naturalWidth > 0)", selector);

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _review.DisposeAsync();
    }
}
