using Triage.Intake.Authorization;

namespace Triage.Intake.Tests.Rest.Authorization;

public sealed class SmartScopesTests
{
    [Theory]
    [InlineData("system/Media.cr", "Media", 'c', true)]
    [InlineData("system/Media.cr", "Media", 's', false)]
    [InlineData("system/Media.cr", "Patient", 'c', false)]
    [InlineData("system/*.rs", "Task", 's', true)]
    [InlineData("system/*.rs", "Task", 'u', false)]
    [InlineData("system/Media.read", "Media", 's', true)]
    [InlineData("system/Media.write", "Media", 'd', true)]
    [InlineData("system/Media.write", "Media", 'r', false)]
    [InlineData("system/Media.*", "Media", 'u', true)]
    [InlineData("system/Media.rc", "Media", 'c', false)]
    [InlineData("user/Media.cruds", "Media", 'c', false)]
    [InlineData("patient/*.read", "Media", 'r', false)]
    [InlineData("system/Observation.rs?category=x", "Observation", 'r', false)]
    [InlineData("openid profile system/Media.c", "Media", 'c', true)]
    [InlineData("system/media.c", "media", 'c', false)]
    public void A_scope_grants_what_SMART_says(string scopes, string type, char permission, bool allowed) =>
        SmartScopes.Parse([scopes]).Allows(type, permission).Should().Be(allowed);

    [Fact]
    public void Scopes_add_up()
    {
        var scopes = SmartScopes.Parse(["system/Media.c", "system/Media.s system/Patient.r"]);

        scopes.Allows("Media", 'c').Should().BeTrue();
        scopes.Allows("Media", 's').Should().BeTrue();
        scopes.Allows("Media", 'r').Should().BeFalse();
        scopes.Allows("Patient", 'r').Should().BeTrue();
    }
}
