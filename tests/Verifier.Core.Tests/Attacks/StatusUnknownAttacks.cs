using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 4, unknown is not false: when the list that decides the status cannot be had — a 5xx, a host that refuses
/// connections, or a 200 whose body is not a list (an empty object, an error object, an HTML page) — the status is
/// unknown and the report indeterminate, never "not revoked".
/// </summary>
public sealed class StatusUnknownAttacks
{
    private const string RevocationList = StatusOrigin + "/revocations";

    [Fact]
    public async Task Status_BitstringList500_IsIndeterminate()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.ServeStatus(StatusOrigin + "/lists/1", 500);

        var report = await lab.TextAsync(StatusListAttacks.Credential(world, W.StatusEntry(StatusOrigin + "/lists/1", 42)));

        Expect.Indeterminate(report);
    }

    [Fact]
    public async Task Status_BitstringListHostRefusingConnections_IsIndeterminate()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(StatusListAttacks.Credential(world, W.StatusEntry(Down + "/lists/1", 42)));

        Expect.Indeterminate(report);
    }

    [Fact]
    public async Task Status_BitstringListAnsweringHtmlPage_IsIndeterminate()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.ServeText(StatusOrigin + "/lists/1", "<!doctype html><html><body>Service unavailable</body></html>", "text/html");

        var report = await lab.TextAsync(StatusListAttacks.Credential(world, W.StatusEntry(StatusOrigin + "/lists/1", 42)));

        Expect.Indeterminate(report);
    }

    [Fact]
    public async Task Status_BitstringListAnsweringErrorObject_IsIndeterminate()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.Serve(StatusOrigin + "/lists/1", new JsonObject { ["error"] = "quota exceeded" }, contentType: "application/json");

        var report = await lab.TextAsync(StatusListAttacks.Credential(world, W.StatusEntry(StatusOrigin + "/lists/1", 42)));

        Expect.Indeterminate(report);
    }

    [Fact]
    public async Task Status_RevocationListAnsweringEmptyObject_IsIndeterminate()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.Serve(RevocationList, new JsonObject());

        var report = await lab.TextAsync(StatusListAttacks.Credential(world, Entry()));

        Expect.Indeterminate(report);
    }

    [Fact]
    public async Task Status_RevocationListAnsweringErrorObject_IsIndeterminate()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.Serve(RevocationList, new JsonObject { ["error"] = "internal error, try again" }, contentType: "application/json");

        var report = await lab.TextAsync(StatusListAttacks.Credential(world, Entry()));

        Expect.Indeterminate(report);
    }

    [Fact]
    public async Task Status_RevocationListAnsweringHtmlPage_IsIndeterminate()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.ServeText(RevocationList, "<!doctype html><html><body>Sign in</body></html>", "text/html");

        var report = await lab.TextAsync(StatusListAttacks.Credential(world, Entry()));

        Expect.Indeterminate(report);
    }

    [Fact]
    public async Task Status_RevocationList503_IsIndeterminate()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.ServeStatus(RevocationList, 503);

        var report = await lab.TextAsync(StatusListAttacks.Credential(world, Entry()));

        Expect.Indeterminate(report);
    }

    // ---- genuine twins ----

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Status_GenuineRevocationList_DecidesByListing(bool listed)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.Serve(RevocationList, new JsonObject
        {
            ["id"] = RevocationList,
            ["issuer"] = W.IssuerId,
            ["revokedCredentials"] = listed
                ? new JsonArray(new JsonObject { ["id"] = W.CredentialId, ["revocationReason"] = "issued in error" })
                : new JsonArray(new JsonObject { ["id"] = Real + "/credentials/999" }),
        });

        var report = await lab.TextAsync(StatusListAttacks.Credential(world, Entry()));

        Expect.Outcome(report, listed ? VerificationOutcome.Invalid : VerificationOutcome.Valid);
        Expect.Check(report, Ob3CheckIds.Status, listed ? CheckOutcome.Failed : CheckOutcome.Passed);
    }

    private static JsonObject Entry() => new() { ["id"] = RevocationList, ["type"] = "1EdTechRevocationList" };
}
