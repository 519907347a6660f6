using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Imaging;
using Triage.Intake.Storage;
using Triage.Intake.Subscriptions;
using Triage.Review.Cases;
using Triage.Review.Decisions;
using Triage.Review.Images;
using Triage.Review.SignIn;
using Triage.Review.Worklist;

namespace Triage.Review;

public static class ReviewServiceExtensions
{
    /// <summary>File of the review defaults (the development reviewer account of the embedded host), beside the assembly.</summary>
    public const string DefaultsFile = "review.defaults.json";

    /// <summary>
    /// The dermatologist review UI under <c>/review</c>: Razor Pages, reviewer sign-in, the worklist, case view and
    /// decisions. Needs the data layer (<c>AddTriageData</c>).
    /// </summary>
    public static IHostApplicationBuilder AddReview(this IHostApplicationBuilder builder)
    {
        // Lowest precedence: every other source (settings files, environment, command line) overrides the defaults.
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = DefaultsFile,
            Optional = true,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        });

        var services = builder.Services;
        services.AddOptions<ReviewUiOptions>().Bind(builder.Configuration.GetSection(ReviewUiOptions.Section));
        services.AddOptions<ReviewSignInOptions>().Bind(builder.Configuration.GetSection(ReviewSignInOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReviewSignInOptions>, ReviewSignInOptionsValidator>();
        builder.AddReviewerSignIn();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new ImageDecoder(ImageLimits.Default));
        services.TryAddScoped<FhirResourceStore>();
        // Completing a review Task notifies subscribed EHRs; the intake, wherever it runs, delivers the notifications.
        services.TryAddScoped<SubscriptionEvents>();
        services.AddSingleton<ThumbnailCache>();
        services.AddScoped<WorklistQuery>();
        services.AddScoped<CaseFeatureReader>();
        services.AddScoped<CaseViewQuery>();
        services.AddScoped<ReviewClaims>();
        services.AddScoped<RecordReviewDecision>();
        services.AddScoped<RecordBiopsyResult>();

        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/", ReviewerSignIn.ReviewerPolicy);
                options.Conventions.AllowAnonymousToPage("/SignIn");
                options.Conventions.AllowAnonymousToPage("/Denied");
            })
            // Named, not discovered: a host whose entry assembly does not reference this one (a test runner) still finds the pages.
            .AddApplicationPart(typeof(ReviewServiceExtensions).Assembly);
        return builder;
    }

    public static WebApplication MapReview(this WebApplication app)
    {
        var signIn = app.Services.GetRequiredService<IOptions<ReviewSignInOptions>>().Value;
        if (signIn.Mode == SignInMode.Development)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReviewServiceExtensions)).DevelopmentSignInActive(signIn.DevelopmentAccounts.Count);
        }

        // The exception handler logs the error; the reviewer gets a page with its reference, not a stack trace or JSON.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/review"),
            review => review.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ReviewErrorPage.WriteAsync }));
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapReviewImages();
        return app;
    }
}
