namespace Triage.Review.Tests;

public sealed partial class ReviewerClient
{
    public static Task<ReviewerClient> SignInAsync(ReviewHost host, string userName, string password = ReviewHost.Password) =>
        SignInAsync(host.Address, userName, password);
}
