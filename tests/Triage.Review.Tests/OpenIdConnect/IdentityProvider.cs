using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Triage.Testing;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Triage.Review.Tests.OpenIdConnect;

/// <summary>
/// A real OpenID Connect provider (OpenIddict: discovery, keys, authorization code with PKCE, client credentials, token
/// and userinfo endpoints) on a free loopback port over HTTP. Whoever reaches its authorization endpoint is the
/// <see cref="SignedInUser"/>, as if already signed in there (single sign-on), so the test drives no login page of
/// the provider's own. A system client (SMART Backend Services) gets a JWT access token for <see cref="Audience"/>
/// with the scopes it asks for among those it was granted.
/// </summary>
public sealed class IdentityProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private IdentityProvider(WebApplication app, string folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Address = address;
    }

    /// <summary>The audience (<c>aud</c>) of the access tokens of system clients.</summary>
    public const string Audience = "triage-fhir";

    public Uri Address { get; }

    /// <summary>The user the provider vouches for: user name, display name and roles.</summary>
    public (string UserName, string DisplayName, string[] Roles) SignedInUser { get; set; } = ("oidc.user", "OIDC User", []);

    public static async Task<IdentityProvider> StartAsync()
    {
        var folder = TestPaths.NewTempFolder("identity-provider");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContext<ProviderDb>(options =>
            options.UseSqlite($"Data Source={Path.Combine(folder, "provider.db")}").UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.AllowClientCredentialsFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile);
                // SMART scopes are open-ended (system/Media.c, ...): what a client may ask for is its permissions.
                server.DisableScopeValidation();
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                // A resource server reads the access token itself: a signed JWT, not an encrypted one.
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        IdentityProvider? provider = null;
        app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext context) => provider!.Authorize(context));
        app.MapMethods("/connect/userinfo", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)UserInfoAsync);
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)TokenAsync);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider = new IdentityProvider(app, folder, new Uri(address));
        return provider;
    }

    /// <summary>Registers a confidential client that may use the code flow with PKCE and return to <paramref name="redirectUri"/>.</summary>
    public async Task RegisterClientAsync(string clientId, string clientSecret, Uri redirectUri)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { redirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    /// <summary>Registers a confidential system client that may get tokens by client credentials for <paramref name="scopes"/>.</summary>
    public async Task RegisterSystemClientAsync(string clientId, string clientSecret, params string[] scopes)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var client = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientType = ClientTypes.Confidential,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var granted in scopes)
        {
            client.Permissions.Add(Permissions.Prefixes.Scope + granted);
        }

        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(client);
    }

    /// <summary>An access token by client credentials (RFC 6749 4.4), as a backend client gets one.</summary>
    public async Task<string> RequestTokenAsync(string clientId, string clientSecret, params string[] scopes)
    {
        using var http = new HttpClient { BaseAddress = Address };
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = GrantTypes.ClientCredentials,
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = string.Join(' ', scopes),
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The provider refused the token request: {body}");
        }

        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var (userName, displayName, roles) = SignedInUser;
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, userName));
        identity.AddClaim(new Claim(Claims.PreferredUsername, userName));
        identity.AddClaim(new Claim(Claims.Name, displayName));
        foreach (var role in roles)
        {
            identity.AddClaim(new Claim("roles", role));
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Client credentials: a token for the client itself with the scopes asked for; a code: the principal it was issued for.</summary>
    private static async Task<IResult> TokenAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OAuth 2.0 request.");
        if (request.IsClientCredentialsGrantType())
        {
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.AddClaim(new Claim(Claims.Subject, request.ClientId!));
            identity.SetScopes(request.GetScopes());
            identity.SetResources(Audience);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        var code = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return Results.SignIn(code.Principal!, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = result.Principal ?? throw new InvalidOperationException("The access token was not accepted.");
        return Results.Json(new Dictionary<string, object?>
        {
            [Claims.Subject] = user.GetClaim(Claims.Subject),
            [Claims.PreferredUsername] = user.GetClaim(Claims.PreferredUsername),
            [Claims.Name] = user.GetClaim(Claims.Name),
        });
    }

    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}
