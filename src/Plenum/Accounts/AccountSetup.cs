using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Plenum.Data;

namespace Plenum.Accounts;

public static class AccountSetup
{
    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations for Identity's password hasher (format V3): OWASP's 2023
    /// recommendation for PBKDF2-SHA512 is 210,000.
    /// </summary>
    public const int PasswordHashIterations = 210_000;

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<User, IdentityRole<Guid>>(identity =>
            {
                // Length is what makes a password strong; composition rules only make people write them down.
                identity.Password.RequiredLength = 10;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.User.AllowedUserNameCharacters = "";
                identity.User.RequireUniqueEmail = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PlenumDb>()
            .AddDefaultTokenProviders();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashIterations);
        services.AddScoped<SessionCookieEvents>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "plenum";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/accounts/login";
            cookie.LogoutPath = "/accounts/logout";
            cookie.AccessDeniedPath = "/error/403";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(30);
            cookie.SlidingExpiration = true;
            cookie.EventsType = typeof(SessionCookieEvents);
        });
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null);
        services.AddAuthorization();
        services.AddScoped<AccountDeletion>();
        services.AddScoped<SessionRevocation>();
        services.AddScoped<AccountLinks>();
        services.AddScoped<CurrentUser>();
        return services;
    }
}
