using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plenum.Tests.Infrastructure;
using static Plenum.Tests.Fund.FundSteps;

namespace Plenum.Tests.Fund;

/// <summary>The common fund through its pages and API: balances, pledges, reversals, spending under decisions, anonymity, receipts and export.</summary>
public sealed class FundLedgerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    PlenumServer Server => fixture.Server;
    FundSteps Steps => new(Server);

    [Fact]
    public async Task Contributions_pledges_payments_and_reversals_add_up_to_the_balance()
    {
        var g = await Steps.GroupAsync("Balance crew", limitWithoutVote: 50);
        var memberId = await Steps.MemberIdAsync("Balance crew-member-1");
        var dues = await RecordAsync(g.Coordinator, g, ("IsPledge", "false"), ("Amount", "100.00"), ("Source", "Member"), ("MemberId", memberId.ToString()), ("Category", "dues"));
        Assert.Contains("Recorded as entry #1.", dues.Text);
        Assert.Contains("Balance crew-member-1", dues.Text);
        await RecordAsync(g.Treasurer, g, ("IsPledge", "false"), ("Amount", "20,5"), ("Source", "Anonymous"));
        var pledge = await RecordAsync(g.Coordinator, g, ("IsPledge", "true"), ("Amount", "50"), ("Source", "Outside"), ("Party", "Street fair"));
        Assert.Contains("Recorded as entry #3.", pledge.Text);
        Assert.Equal("120.50 EUR", await BalanceAsync(g.Member, g));
        Assert.Equal("50.00 EUR", await PledgedAsync(g.Member, g));

        var paid = await PayAsync(g.Treasurer, g, "30", "printing", "Copy shop");
        Assert.Contains("Paid out as entry #4.", paid.Text);
        Assert.Contains("within the rulebook's limit without a vote", paid.Text);
        Assert.Equal("90.50 EUR", await BalanceAsync(g.Member, g));

        var reversed = await g.Treasurer.SubmitAsync(paid, "form[action*='Reverse']", Fields(("reason", "Paid twice by mistake")));
        Assert.Contains("Reversed by entry #5.", reversed.Text);
        Assert.Contains("reversed by #5", reversed.Text);
        Assert.Equal("120.50 EUR", await BalanceAsync(g.Member, g));
        var again = await g.Treasurer.GetAsync($"{g.Fund}/entries/4");
        Assert.Null(again.Document.QuerySelector("form[action*='Reverse']"));

        var fulfilled = await RecordAsync(g.Coordinator, g, ("IsPledge", "false"), ("Amount", "50"), ("Source", "Outside"), ("Party", "Street fair"), ("PledgeId", await PledgeIdAsync(g, 3)));
        Assert.Contains("fulfils pledge #3", fulfilled.Text);
        Assert.Equal("170.50 EUR", await BalanceAsync(g.Member, g));
        Assert.Equal("0.00 EUR", await PledgedAsync(g.Member, g));
        Assert.Contains("fulfilled by entry #6", (await g.Member.GetAsync($"{g.Fund}/entries/3")).Text);

        var api = await Server.ApiClientAsync("Balance crew-member-1");
        var fund = await api.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{g.Slug}/fund");
        Assert.Equal(17050, fund.GetProperty("balance").GetInt64());
        Assert.Equal("EUR", fund.GetProperty("currency").GetString());
        Assert.Equal(6, fund.GetProperty("entries").GetArrayLength());

        var report = await g.Member.GetAsync($"{g.Fund}/report");
        Assert.Equal("170.50 EUR", report.Document.QuerySelector("[data-testid=income]")!.TextContent);
        Assert.Equal("0.00 EUR", report.Document.QuerySelector("[data-testid=spending]")!.TextContent);
        Assert.Contains(report.Document.QuerySelectorAll("[data-testid=purpose]"), row => row.TextContent.Contains("dues") && row.TextContent.Contains("100.00 EUR"));
    }

    [Fact]
    public async Task Bad_amounts_and_overspending_are_refused_with_a_reason_and_nothing_is_written()
    {
        var g = await Steps.GroupAsync("Refusal crew", limitWithoutVote: 1000);
        await RecordAsync(g.Coordinator, g, ("IsPledge", "false"), ("Amount", "40"), ("Source", "Anonymous"));
        foreach (var (amount, reason) in new[] { ("-5", "cannot be negative"), ("lots", "is not a number"), ("12.345", "at most 2 decimals"), ("999999999999", "is too large"), ("0", "more than zero"), ("", "is missing") })
        {
            var refused = await RecordAsync(g.Coordinator, g, ("IsPledge", "false"), ("Amount", amount), ("Source", "Anonymous"));
            Assert.Contains(reason, refused.Text);
        }
        var over = await PayAsync(g.Treasurer, g, "40.01", "rent support", "A neighbour");
        Assert.Contains("The fund holds 40.00 EUR: it cannot pay out 40.01 EUR.", over.Text);
        Assert.Equal(HttpStatusCode.Forbidden, (await g.Coordinator.Http.GetAsync($"{g.Fund}/pay")).StatusCode);
        Assert.Equal(1, await Steps.EntryCountAsync(g));
        Assert.Equal(0, await Server.WithDbAsync(db => db.AnonymousRecipients.CountAsync(r => db.FundEntries.Any(e => e.Id == r.EntryId && db.Groups.Any(x => x.Id == e.GroupId && x.Slug == g.Slug)))));

        var api = await Server.ApiClientAsync("Refusal crew-member-0");
        var refusedApi = await api.PostAsJsonAsync($"/api/v1/groups/{g.Slug}/fund/disbursements", new { amount = "100", purpose = "rent", recipient = "X" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedApi.StatusCode);
        Assert.Contains("cannot pay out", await refusedApi.Content.ReadAsStringAsync());
        var memberApi = await Server.ApiClientAsync("Refusal crew-member-1");
        var forbidden = await memberApi.PostAsJsonAsync($"/api/v1/groups/{g.Slug}/fund/contributions", new { amount = "10", source = "Anonymous" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(1, await Steps.EntryCountAsync(g));
    }

    [Fact]
    public async Task A_payment_above_the_limit_needs_an_adopted_spending_decision_and_stays_within_its_amount()
    {
        var g = await Steps.GroupAsync("Spending crew", limitWithoutVote: 20);
        await RecordAsync(g.Coordinator, g, ("IsPledge", "false"), ("Amount", "500"), ("Source", "Anonymous"));
        var refused = await PayAsync(g.Treasurer, g, "80", "banner", "Print shop");
        Assert.Contains("pays out up to 20.00 EUR without a vote", refused.Text);
        Assert.Equal(1, await Steps.EntryCountAsync(g));

        Server.Clock.Advance(TimeSpan.FromDays(8)); // the money class lets members of 7+ days propose
        var proposed = await g.Member.SubmitAsync(await g.Member.GetAsync($"{g.Fund}/propose"), null, Fields(("Amount", "80"), ("Purpose", "banner for the march"),
            ("ClosesAt", Server.Clock.GetUtcNow().UtcDateTime.AddHours(48).ToString("yyyy-MM-ddTHH:mm"))));
        Assert.Contains("Spend 80.00 EUR: banner for the march", proposed.Text);
        var decisionId = proposed.Path.Split('/')[4];
        Assert.Equal("money", await Server.WithDbAsync(db => db.Decisions.Where(d => d.Id == Guid.Parse(decisionId)).Select(d => d.ClassKey).SingleAsync()));

        var early = await PayAsync(g.Treasurer, g, "80", "banner", "Print shop", decision: decisionId);
        Assert.Contains("is still being decided", early.Text);
        foreach (var voter in new[] { g.Coordinator, g.Treasurer, g.Member })
            await voter.SubmitAsync(await voter.GetAsync(proposed.Path), "form[action*='Vote']", Fields(("Position", "agree"), ("Reason", "")));
        Server.Clock.Advance(TimeSpan.FromHours(49));

        var tooMuch = await PayAsync(g.Treasurer, g, "80.01", "banner", "Print shop", decision: decisionId);
        Assert.Contains("allows 80.00 EUR; 80.00 EUR of it is left", tooMuch.Text);
        var paid = await PayAsync(g.Treasurer, g, "60", "banner", "Print shop", decision: decisionId);
        Assert.Contains("Paid out as entry #2.", paid.Text);
        Assert.Contains("banner for the march", paid.Document.QuerySelector("a[href*='/decisions/']")!.TextContent);
        var rest = await PayAsync(g.Treasurer, g, "25", "banner", "Print shop", decision: decisionId);
        Assert.Contains("20.00 EUR of it is left", rest.Text);
        Assert.Equal("440.00 EUR", await BalanceAsync(g.Member, g));
        Assert.Contains("60.00 EUR of 80.00 EUR paid out", (await g.Member.GetAsync(g.Fund)).Text);
    }

    [Fact]
    public async Task An_anonymous_recipient_is_seen_by_the_treasurer_alone_and_receipts_are_stored_encrypted()
    {
        var g = await Steps.GroupAsync("Anonymous crew", limitWithoutVote: 100);
        await RecordAsync(g.Coordinator, g, ("IsPledge", "false"), ("Amount", "200"), ("Source", "Anonymous"));
        const string name = "Marisol Quintanilla-Oyelaran";
        var paid = await PayAsync(g.Treasurer, g, "75", "rent support", name, anonymous: true);
        Assert.Contains("Paid out as entry #2.", paid.Text);
        Assert.Equal(name, paid.Document.QuerySelector("[data-testid=recipient]")!.TextContent);

        foreach (var other in new[] { g.Coordinator, g.Member })
        {
            Assert.DoesNotContain(name, (await other.GetAsync(g.Fund)).Html);
            var entry = await other.GetAsync($"{g.Fund}/entries/2");
            Assert.DoesNotContain(name, entry.Html);
            Assert.Contains("anonymous recipient", entry.Text);
            Assert.DoesNotContain(name, (await other.GetAsync($"{g.Fund}/ledger.csv")).Html);
            Assert.DoesNotContain(name, (await other.GetAsync($"{g.Fund}/report")).Html);
        }
        var coordinatorApi = await Server.ApiClientAsync("Anonymous crew-founder");
        Assert.DoesNotContain(name, await coordinatorApi.GetStringAsync($"/api/v1/groups/{g.Slug}/fund"));
        Assert.DoesNotContain(name, await coordinatorApi.GetStringAsync($"/api/v1/groups/{g.Slug}/fund/ledger.csv"));
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinatorApi.GetAsync($"/api/v1/groups/{g.Slug}/fund/entries/2/recipient")).StatusCode);
        var treasurerApi = await Server.ApiClientAsync("Anonymous crew-member-0");
        Assert.DoesNotContain(name, await treasurerApi.GetStringAsync($"/api/v1/groups/{g.Slug}/fund/ledger.csv"));
        var recipient = await treasurerApi.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{g.Slug}/fund/entries/2/recipient");
        Assert.Equal(name, recipient.GetProperty("recipient").GetString());

        var receipt = Encoding.UTF8.GetBytes("%PDF-1.4\nreceipt-for-rent-7Q2X\n%%EOF");
        var stored = await g.Treasurer.SubmitWithFilesAsync(paid, "form[action*='Receipt']", null, new WebSession.Upload("file", "receipt.pdf", receipt, "application/pdf"));
        Assert.Contains("The receipt is stored, encrypted.", stored.Text);
        var raw = await RawDatabase.TextAsync(Server);
        Assert.DoesNotContain("receipt-for-rent-7Q2X", raw);
        Assert.DoesNotContain(RawDatabase.Hex("receipt-for-rent-7Q2X"), raw);
        Assert.DoesNotContain(name, raw);
        var link = stored.Document.QuerySelector("a[href*='handler=Receipt']")!.GetAttribute("href")!;
        var download = await g.Treasurer.Http.GetAsync($"{g.Fund}/entries/2{link}");
        Assert.Equal(receipt, await download.Content.ReadAsByteArrayAsync());
        // The receipt may name the recipient, so others may not open it.
        Assert.Equal(HttpStatusCode.NotFound, (await g.Member.Http.GetAsync($"{g.Fund}/entries/2{link}")).StatusCode);

        var refusedFile = await g.Treasurer.SubmitWithFilesAsync(stored, "form[action*='Receipt']", null, new WebSession.Upload("file", "receipt.exe", [0x4D, 0x5A], "application/octet-stream"));
        Assert.Contains("is not a kind of file Plenum takes", refusedFile.Text);
        Assert.Equal(1, await Server.WithDbAsync(db => db.FundReceipts.CountAsync(r => db.FundEntries.Any(e => e.Id == r.EntryId && db.Groups.Any(x => x.Id == e.GroupId && x.Slug == g.Slug)))));
    }

    [Fact]
    public async Task The_csv_export_quotes_fields_defuses_formulas_and_keeps_recipients_anonymous()
    {
        var g = await Steps.GroupAsync("Export crew", limitWithoutVote: 100);
        await RecordAsync(g.Coordinator, g, ("IsPledge", "false"), ("Amount", "1234.5"), ("Source", "Outside"), ("Party", "=HYPERLINK(\"http://evil\")"), ("Category", "fair, \"summer\""));
        await PayAsync(g.Treasurer, g, "12", "@SUM(A1)", "Secret Person", anonymous: true, note: "-2+3\nsecond line");
        var csv = await g.Member.Http.GetAsync($"{g.Fund}/ledger.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        var lines = text.Split("\r\n");
        Assert.Equal("number,date,kind,in,out,pledged,currency,from or to,purpose,decision,status,note,recorded by,recorded at (UTC)", lines[0]);
        Assert.StartsWith($"1,{DateOnly.FromDateTime(Server.Clock.GetUtcNow().UtcDateTime):yyyy-MM-dd},contribution,1234.50,,,EUR,\"'=HYPERLINK(\"\"http://evil\"\")\",\"fair, \"\"summer\"\"\",", lines[1]);
        Assert.Contains(",payment,,12.00,,EUR,anonymous recipient,'@SUM(A1),,,\"'-2+3\nsecond line\",Export crew-member-0,", text);
        Assert.DoesNotContain("Secret Person", text);
        Assert.EndsWith("\r\n", text);
    }

    Task<string> PledgeIdAsync(FundGroup g, int number) => Server.WithDbAsync(db =>
        db.FundEntries.Where(e => e.Number == number && db.Groups.Any(x => x.Id == e.GroupId && x.Slug == g.Slug)).Select(e => e.Id.ToString()).SingleAsync());
}
