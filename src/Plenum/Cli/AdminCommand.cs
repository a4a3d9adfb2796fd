using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Infrastructure;

namespace Plenum.Cli;

public static class AdminCommand
{
    public static Command Create(HostOptions hostOptions)
    {
        var admin = new Command("admin", "Instance administration.");
        admin.Subcommands.Add(Invite(hostOptions));
        admin.Subcommands.Add(ResetLink(hostOptions));
        return admin;
    }

    static Command Invite(HostOptions hostOptions)
    {
        var invite = new Command("invite", "Print a new one-time invite link that makes its user an instance administrator.");
        hostOptions.AddTo(invite);
        invite.SetAction(async (parse, cancellationToken) =>
        {
            var options = hostOptions.Resolve(parse);
            await using var app = await OpenAsync(options, cancellationToken);
            using var scope = app.Services.CreateScope();
            var path = await FirstAdminInvite.CreateAsync(scope.ServiceProvider, cancellationToken);
            Console.WriteLine($"Admin invite (one use, valid 7 days): {BaseUrl(options)}{path}");
            return 0;
        });
        return invite;
    }

    /// <summary>Most accounts have no e-mail address, so a forgotten password comes back through an admin.</summary>
    static Command ResetLink(HostOptions hostOptions)
    {
        var pseudonym = new Argument<string>("pseudonym") { Description = "The account's pseudonym." };
        var command = new Command("reset-link", "Print a password reset link for an account (valid 2 hours). Give it to the person over a channel you trust.");
        command.Arguments.Add(pseudonym);
        hostOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = hostOptions.Resolve(parse);
            await using var app = await OpenAsync(options, cancellationToken);
            using var scope = app.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            if (await users.FindByNameAsync(parse.GetValue(pseudonym)!) is not { DeletedAt: null } user)
            {
                Console.Error.WriteLine("No account has that pseudonym.");
                return 2;
            }
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = scope.ServiceProvider.GetRequiredService<AccountLinks>()
                .Seal(AccountLinks.PasswordReset, TimeSpan.FromHours(2), user.Id.ToString(), token);
            Console.WriteLine($"Password reset link for {user.UserName} (valid 2 hours): {BaseUrl(options)}/accounts/reset-password?code={Uri.EscapeDataString(code)}");
            return 0;
        });
        return command;
    }

    static async Task<WebApplication> OpenAsync(PlenumOptions options, CancellationToken cancellationToken)
    {
        var app = PlenumApp.Build(options, [ServeCommand.DefaultUrl]);
        using var scope = app.Services.CreateScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<PlenumDb>(), cancellationToken);
        return app;
    }

    static string BaseUrl(PlenumOptions options) => (options.PublicUrl ?? ServeCommand.DefaultUrl).TrimEnd('/');
}
