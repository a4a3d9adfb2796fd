using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.FileProviders;
using Plenum.Accounts;
using Plenum.Aid;
using Plenum.Alerts;
using Plenum.Api;
using Plenum.Assemblies;
using Plenum.Data;
using Plenum.Decisions;
using Plenum.Discussions;
using Plenum.Events;
using Plenum.Federations;
using Plenum.Fund;
using Plenum.Groups;
using Plenum.Notifications;
using Plenum.Privacy;
using Plenum.Roles;

namespace Plenum.Infrastructure;

/// <summary>Builds the web host: services, then the request pipeline, in the order a request meets them.</summary>
public static class PlenumApp
{
    public const string LoginRateLimit = "login";
    public const string CalendarFeedRateLimit = "calendar-feed";
    public const string AidRateLimit = "aid";
    public const string AlertReportRateLimit = "alert-report";

    public static WebApplication Build(PlenumOptions options, string[] urls, Action<WebApplicationBuilder>? customize = null)
    {
        Directory.CreateDirectory(options.FullDataDir);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            // Pages are found in the app's own assembly, also when a test process hosts it.
            ApplicationName = typeof(PlenumApp).Assembly.GetName().Name,
            Args = [],
        });
        builder.Configuration.AddEnvironmentVariables("PLENUM_");
        builder.WebHost.UseUrls(urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        var fieldEncryption = FieldEncryption.FromKeyFile(Path.Combine(options.KeysDir, "field.key"));
        services.AddSingleton(fieldEncryption);
        services.AddDataProtection()
            .SetApplicationName("plenum")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.KeysDir, "data-protection")));
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(keys =>
            keys.XmlEncryptor = new FieldKeyXmlEncryptor(fieldEncryption));
        services.AddPlenumDatabase(options);
        services.AddAccounts();
        services.AddSingleton<Mail.Mailer>();
        services.AddGroups();
        services.AddDecisions();
        services.AddRoles();
        services.AddFederations();
        services.AddAssemblies();
        services.AddDiscussions();
        services.AddNotifications();
        services.AddEvents();
        services.AddFund();
        services.AddAid();
        services.AddAlerts();
        services.AddPrivacy();
        services.AddRazorPages(pages => pages.RootDirectory = "/");
        services.AddSignalR();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddressEraser.BucketOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.AddPolicy(CalendarFeedRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddressEraser.BucketOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.CalendarFeedFetchesPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.AddPolicy(AidRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddressEraser.BucketOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.AidRequestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.AddPolicy(AlertReportRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddressEraser.BucketOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.AlertReportsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Too many attempts. Please wait a minute and try again.", cancellationToken);
            };
        });
        customize?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<ClientAddressEraser>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), web =>
        {
            web.UseExceptionHandler("/error");
            web.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            // Embedded in the executable, so assets are served the same from any working directory.
            FileProvider = new ManifestEmbeddedFileProvider(typeof(PlenumApp).Assembly, "wwwroot"),
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=604800",
        });
        app.UseRouting();
        app.UseMiddleware<RequestSizeGuard>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapHub<DecisionHub>(DecisionHub.Path);
        app.MapHub<Plenum.Assemblies.MeetingHub>(Plenum.Assemblies.MeetingHub.Path);
        app.MapHub<AlertHub>(AlertHub.Path);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthCheck();
        app.MapApi();
        app.MapCalendarFeeds();
        app.MapAlertExports();
        app.MapAlertReceipts();
        return app;
    }

    static void MapHealthCheck(this WebApplication app) =>
        app.MapGet("/healthz", async (PlenumDb db, CancellationToken cancellationToken) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? Results.Text("ok")
                : Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable))
           .ExcludeFromDescription();
}
