using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Plenum.Decisions;
using Plenum.Roles;

namespace Plenum.Tests.Browser;

/// <summary>The treasurer starts the fund, records money in and pays out anonymously, on a phone without JavaScript.</summary>
public sealed class FundJourneyTests(BrowserFixture browser) : BrowserJourney(browser)
{
    [Fact]
    public async Task The_treasurer_records_money_in_and_pays_out_anonymously_on_a_phone_without_javascript()
    {
        var treasurer = await NewMemberPhoneAsync("fund-treasurer", javaScript: false);
        await NewGroupAsync(treasurer, "Food bank", "food-bank", "Consent-based circle");
        await Server.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Slug == "food-bank");
            var me = await db.Users.SingleAsync(u => u.UserName == "fund-treasurer");
            var role = new RotatingRole { Id = Guid.NewGuid(), GroupId = group.Id, Name = "treasurer", TermDays = 90, CreatedAt = Server.Clock.GetUtcNow() };
            db.RotatingRoles.Add(role);
            db.RoleTerms.Add(new RoleTerm { Id = Guid.NewGuid(), RoleId = role.Id, UserId = me.Id, StartsAt = Server.Clock.GetUtcNow(), EndsAt = Server.Clock.GetUtcNow().AddDays(90) });
            var rulebook = await db.Rulebooks.SingleAsync(r => r.GroupId == group.Id);
            rulebook.ClassesJson = Rulebook.Serialize(rulebook.Classes.Select(c => c.Key == "money" ? c with { SpendWithoutVoteUpTo = 50 } : c));
            return await db.SaveChangesAsync();
        });

        await treasurer.GotoAsync(Url("/groups/food-bank"));
        await treasurer.GetByRole(AriaRole.Link, new() { Name = "Fund", Exact = true }).ClickAsync();
        await treasurer.GetByLabel("Currency").FillAsync("EUR");
        await treasurer.GetByRole(AriaRole.Button, new() { Name = "Start the fund" }).ClickAsync();
        await Assertions.Expect(treasurer.Locator("[data-testid=balance]")).ToHaveTextAsync("0.00 EUR");

        await treasurer.GetByRole(AriaRole.Link, new() { Name = "Record money in" }).ClickAsync();
        await treasurer.GetByLabel("Amount in EUR").FillAsync("120");
        await treasurer.GetByLabel("Someone outside the group:").CheckAsync();
        await treasurer.GetByLabel("Who").FillAsync("Street fair collection");
        await BrowserFixture.ScreenshotAsync(treasurer, "fund-record");
        await treasurer.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(treasurer.Locator("main")).ToContainTextAsync("Recorded as entry #1.");

        await treasurer.GotoAsync(Url("/groups/food-bank/fund/pay"));
        await treasurer.GetByLabel("Amount in EUR").FillAsync("45.50");
        await treasurer.GetByLabel("Purpose").FillAsync("groceries");
        await treasurer.GetByLabel("Paid to").FillAsync("Family on the 3rd floor");
        await treasurer.GetByLabel("Keep the recipient anonymous").CheckAsync();
        await BrowserFixture.ScreenshotAsync(treasurer, "fund-pay");
        await treasurer.GetByRole(AriaRole.Button, new() { Name = "Record the payment" }).ClickAsync();
        await Assertions.Expect(treasurer.Locator("[data-testid=recipient]")).ToHaveTextAsync("Family on the 3rd floor");
        await Assertions.Expect(treasurer.Locator("[data-testid=counterparty]")).ToHaveTextAsync("anonymous recipient");
        await BrowserFixture.ScreenshotAsync(treasurer, "fund-entry");

        await treasurer.GotoAsync(Url("/groups/food-bank/fund"));
        await Assertions.Expect(treasurer.Locator("[data-testid=balance]")).ToHaveTextAsync("74.50 EUR");
        await Assertions.Expect(treasurer.Locator("[data-testid=entry]")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(treasurer, "fund-index");
        await treasurer.GetByRole(AriaRole.Link, new() { Name = "Monthly report" }).ClickAsync();
        await Assertions.Expect(treasurer.Locator("[data-testid=spending]")).ToHaveTextAsync("45.50 EUR");
        await BrowserFixture.ScreenshotAsync(treasurer, "fund-report");
    }
}
