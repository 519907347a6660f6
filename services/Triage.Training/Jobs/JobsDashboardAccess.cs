using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Triage.Training.Jobs;

/// <summary>
/// Who may see and use the dashboard at <c>/jobs</c>: anyone in Development (the embedded host on a
/// developer's machine); elsewhere only an authenticated user in the <see cref="AdminRole"/> role. The platform
/// has no sign-in yet, so outside Development the dashboard answers 401 until security exists.
/// </summary>
public sealed class JobsDashboardAccess(IHostEnvironment environment) : IDashboardAuthorizationFilter
{
    public const string AdminRole = "admin";

    public bool Authorize(DashboardContext context) => environment.IsDevelopment() || IsAdmin(context.GetHttpContext());

    private static bool IsAdmin(HttpContext http) => http.User.Identity?.IsAuthenticated == true && http.User.IsInRole(AdminRole);
}
