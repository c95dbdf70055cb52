using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 4, under every policy: when the document that decides the issuer binding or the status could not be had
/// (5xx, a host refusing connections), the verdict is indeterminate with the fetch reason — never "a key anyone could
/// have made" (which lenient would wave through as a warning), never "not revoked".
/// </summary>
public sealed class UnknownIsNotFalseAttacks
{
    public static TheoryData<IssuerPolicy, int> PoliciesAndFailures => new()
    {
        { IssuerPolicy.Default, 503 }, { IssuerPolicy.Strict, 503 }, { IssuerPolicy.Lenient, 503 },
        { IssuerPolicy.Default, 0 }, { IssuerPolicy.Lenient, 0 },
    };

    [Theory]
    [MemberData(nameof(PoliciesAndFailures))]
    public async Task Ob3Di_FragmentKeyWhileIssuerDocumentUnavailable_IsIndeterminateNotAnyoneCouldHaveMadeIt(IssuerPolicy policy, int failure)
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var issuer = failure == 0 ? Down + "/issuer" : W.IssuerId;
        if (failure != 0)
        {
            lab.ServeStatus(issuer, failure);
        }

        var credential = DiSign.Jcs(W.Credential(issuerId: issuer), world.RealKey, issuer + "#" + world.RealKey.Multibase());

        var report = await lab.TextAsync(credential.ToJsonString(), policy);

        Expect.Indeterminate(report);
        Assert.True(report.Checks.Any(c => c.Outcome == CheckOutcome.Failed && c.Indeterminate && c.Message.Contains(issuer, StringComparison.Ordinal)),
            "the indeterminate check names the document that could not be fetched\n" + Expect.Dump(report));
        Expect.NoCheck(report, Ob3CheckIds.IssuerKey, CheckOutcome.Warning);
    }

    [Theory]
    [MemberData(nameof(PoliciesAndFailures))]
    public async Task Ob3Jwt_FragmentKidWhileIssuerDocumentUnavailable_IsIndeterminate(IssuerPolicy policy, int failure)
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var issuer = failure == 0 ? Down + "/issuer" : W.IssuerId;
        if (failure != 0)
        {
            lab.ServeStatus(issuer, failure);
        }

        var report = await lab.TextAsync(W.Jwt(world.RealKey, W.Credential(issuerId: issuer), kid: issuer + "#" + world.RealKey.Multibase()), policy);

        Expect.Indeterminate(report);
        Expect.NoCheck(report, Ob3CheckIds.IssuerKey, CheckOutcome.Warning);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    [InlineData(IssuerPolicy.Lenient)]
    public async Task Status_ListUnavailable_IsIndeterminateInEveryPolicy(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var list = Real + "/status/1";
        lab.ServeStatus(list, 503);
        var credential = W.WithStatus(W.Credential(), W.StatusEntry(list, 7));

        var report = await lab.TextAsync(W.Jwt(world.RealKey, credential, kid: W.KeyId), policy);

        Expect.Indeterminate(report);
        Expect.Check(report, Ob3CheckIds.Status, CheckOutcome.Failed);
    }

    // ---- genuine twin ----

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    public async Task Ob3Di_FragmentKeyListedByReachableIssuerDocument_IsValid(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var fragment = world.RealKey.Multibase();
        lab.Serve(W.IssuerId, W.IssuerDocument(W.IssuerId, [(fragment, world.RealKey)]));

        var report = await lab.TextAsync(DiSign.Jcs(W.Credential(), world.RealKey, W.IssuerId + "#" + fragment).ToJsonString(), policy);

        Expect.Valid(report);
    }
}
