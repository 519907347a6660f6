using Microsoft.Extensions.Options;

namespace Triage.Review.SignIn;

/// <summary>Stops the start when sign-in is configured so that no one, or anyone, could review.</summary>
public sealed class ReviewSignInOptionsValidator : IValidateOptions<ReviewSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewSignInOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ReviewerRole))
        {
            problems.Add("Review:SignIn:ReviewerRole must name a role.");
        }

        if (options.Mode == SignInMode.OpenIdConnect)
        {
            if (!Uri.TryCreate(options.OpenIdConnect.Authority, UriKind.Absolute, out _))
            {
                problems.Add("Review:SignIn:OpenIdConnect:Authority must be the identity provider's absolute URL.");
            }

            if (string.IsNullOrWhiteSpace(options.OpenIdConnect.ClientId))
            {
                problems.Add("Review:SignIn:OpenIdConnect:ClientId is required.");
            }
        }

        foreach (var account in options.DevelopmentAccounts)
        {
            if (string.IsNullOrWhiteSpace(account.UserName) || string.IsNullOrEmpty(account.Password))
            {
                problems.Add("Every Review:SignIn:DevelopmentAccounts entry needs a UserName and a Password.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
